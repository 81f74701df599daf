// Meeting apps' window titles in the vendors' own words: remote control asked for or given, the screen shared, and the
// ordinary windows of a call, which are nothing to tell.
import { meetingStateOf } from '../../../../../electron/guardian/watchers/screen/meetingTitles';

describe('meetingStateOf', () => {
  it.each([
    // Zoom (support.zoom.com: "Requesting or giving remote control").
    'Ada Lovelace is requesting remote control of your screen',
    // A caller who named themselves "Zoom": still a person asking for control.
    'Zoom is requesting remote control of your screen',
    'Zoom Support is requesting remote control of your screen',
    'Microsoft Support is controlling your screen',
    'You are controlling Ada\'s screen',
    'Request Remote Control',
    // Teams and Skype ("Give control", "Request control", "... wants to take control").
    'Give control',
    'Sam Smith wants to take control of your shared content',
    'Sam Smith wants to take control',
    'Sam Smith now has control of what you\'re sharing',
    'Request control | Microsoft Teams',
    'Take back control',
  ])('%s is remote control', (title) => {
    expect(meetingStateOf(title)).toBe('remote-control');
  });

  it.each([
    'You are screen sharing',
    'as_toolbar',
    'You\'re sharing your screen | Microsoft Teams',
    'You’re presenting',
    'You are sharing your screen',
    'Zoom - Screen Sharing',
  ])('%s is the screen shared', (title) => {
    expect(meetingStateOf(title)).toBe('screen-share');
  });

  it.each([
    'Zoom Meeting',
    'Zoom Workplace',
    'Zoom',
    'Chat | Microsoft Teams',
    'Meeting with Ada Lovelace | Microsoft Teams',
    'Quality control weekly | Microsoft Teams',
    'WhatsApp',
    'Skype',
    'Calendar | Microsoft Teams',
    '',
    'a'.repeat(100_000),
  ])('%s is an ordinary window', (title) => {
    expect(meetingStateOf(title)).toBeNull();
  });
});
