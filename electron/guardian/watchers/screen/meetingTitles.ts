// Recognises the titles of a meeting app's windows that say someone is asking for, or has, control of this computer,
// or that the screen is being shared. Only windows of a catalog meeting app are asked. Works on the title only.

/** What a meeting app's window shows. */
export type MeetingState = 'remote-control' | 'screen-share';

/** The catalog's meeting apps (resources/remote-tools.json): running them is normal; these states of them are not. */
export const MEETING_APPS: ReadonlySet<string> = new Set(['zoom', 'microsoft-teams', 'microsoft-teams-classic', 'whatsapp', 'skype']);

/**
 * Remote control, in the vendors' own words. Zoom: "<name> is requesting remote control of your screen", "You are
 * controlling <name>'s screen", "<name> is controlling your screen" (support.zoom.com, "Requesting or giving remote
 * control"). Teams: "Give control", "<name> wants to take control", "Request control", "<name> has control"
 * (support.microsoft.com, "Share content in Microsoft Teams meetings"). Skype: "Give control", "Request control". The
 * name is a person's, whatever it says: someone who named themselves "Zoom" is still a person asking for control.
 */
const REMOTE_CONTROL = new RegExp(
  [
    String.raw`\brequest(?:s|ing|ed)? (?:remote )?control\b`,
    String.raw`\b(?:is|are|now) controlling\b`,
    String.raw`\b(?:gives?|giving|gave) (?:\S+ )?control\b`,
    String.raw`\b(?:wants?|wanting) to (?:take )?control\b`,
    String.raw`\b(?:take|taking|took|has|have) (?:\S+ )?control\b`,
    String.raw`\bcontrol of your (?:screen|computer|desktop|shared content)\b`,
  ].join('|'),
  'iu',
);

/**
 * The screen being shared: Zoom's sharing bar ("You are screen sharing", on Linux its window is titled "as_toolbar"),
 * Teams' "You're sharing" / "You are presenting", WhatsApp's and Skype's "You are sharing your screen".
 */
const SCREEN_SHARE = new RegExp(
  [
    String.raw`\byou(?:'|’)?re (?:screen )?sharing\b`,
    String.raw`\byou are (?:screen )?sharing\b`,
    String.raw`\byou(?:'|’)?re presenting\b`,
    String.raw`\byou are presenting\b`,
    String.raw`\bsharing your screen\b`,
    String.raw`^\s*as_toolbar\s*$`,
    String.raw`\bscreen sharing\b`,
  ].join('|'),
  'iu',
);

/** What the window of a meeting app shows, or null for its ordinary windows (the call, the chat, "Zoom Meeting"). */
export function meetingStateOf(title: string): MeetingState | null {
  if (REMOTE_CONTROL.test(title)) return 'remote-control';
  return SCREEN_SHARE.test(title) ? 'screen-share' : null;
}
