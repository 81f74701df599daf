// What an alert to the trusted contact says: who, what happened in plain words, what the person chose, when, what to do.
// It must never carry window titles, file paths or banking details: it takes only the typed facts below and reads nothing else.
import { dateWords } from '../../../shared/dateWords';
import type { AlertKind } from '../../../shared/events';
import type { CleanupKind } from '../../../shared/installedCheck';
import type { Choice } from '../../../shared/journal';
import type { Region } from '../../../shared/settings';

export type AlertPriority = 'urgent' | 'high' | 'default' | 'low';

/** What happened with the tool, when the alert is about one. */
export type Happening = 'started' | 'connected-in' | 'installer' | 'remote-input' | 'control-asked' | 'screen-shared';

export interface AlertFacts {
  kind: AlertKind;
  /** The name of the person the PC belongs to ("Mum"); null before setup. */
  person: string | null;
  pcName: string;
  /** The trusted contact this alert goes to. */
  contactName: string;
  at: Date;
  /** The tool's name as the catalog gives it ("AnyDesk"). */
  toolName?: string | null;
  happened?: Happening | null;
  remoteId?: string | null;
  remoteAddress?: string | null;
  choice?: Choice | null;
  /** After "End it": whether the tool really was ended and stayed gone (never said closed when it was not). */
  endIt?: 'ended' | 'not-ended' | null;
  /** A clean-up step of "Check this computer": what it was and whether it did what it says. */
  cleanup?: { step: CleanupKind; ok: boolean } | null;
  /** IANA time zone for "when"; the PC's own when not given. */
  timeZone?: string;
  /** How "when" is worded (the family's region); GB when not given. */
  region?: Region;
}

export interface AlertContent {
  title: string;
  text: string;
  html: string;
  priority: AlertPriority;
  /** ntfy tags: emoji short codes shown before the title. */
  tags: string[];
  /** A few lines for a phone notification (ntfy) when `text` is too long for one; `text` is sent when absent. */
  short?: string;
}

const MAX_NAME = 60;

export function composeAlert(facts: AlertFacts): AlertContent {
  const person = clean(facts.person) || null;
  const who = person ?? 'the person using this PC';
  const pc = clean(facts.pcName) || 'this PC';
  const contact = clean(facts.contactName) || 'you';
  const when = dateWords(facts.region, facts.timeZone).moment(facts.at);
  const what = whatHappened(facts, who);
  const priority = facts.endIt === 'not-ended' ? 'urgent' : priorityOf(facts.kind, facts.choice ?? null);
  const lines = [
    capitalise(what.sentence),
    ...(facts.choice && facts.kind !== 'choice' ? [`${capitalise(who)} chose: ${choiceWords(facts.choice, contact)}.`] : []),
    `When: ${when}.`,
    `PC: ${pc}.`,
    ...(what.advice ? [what.advice.replaceAll('{person}', person ?? 'them')] : []),
  ];
  const title = `${whosePc(facts)}: ${what.headline}`;
  return {
    title,
    text: lines.join('\n'),
    html: toHtml(title, lines),
    priority,
    tags: [TAG_BY_PRIORITY[priority]],
  };
}

interface Wording {
  headline: string;
  sentence: string;
  advice: string | null;
}

const CALL_NOW = 'Call {person} now, on a number you already know, and check they are all right.';

function whatHappened(facts: AlertFacts, who: string): Wording {
  const tool = clean(facts.toolName) || 'a remote-access program';
  const from = fromWhom(facts.remoteId, facts.remoteAddress);
  switch (facts.kind) {
    case 'interruption':
      return {
        headline: `Pause Guard stopped ${tool}`,
        sentence: `${toolSentence(tool, facts.happened ?? 'started', from)} Pause Guard covered the screen and asked ${who} to pause and check.`,
        advice: CALL_NOW,
      };
    case 'session':
      return { headline: `someone connected in with ${tool}`, sentence: toolSentence(tool, 'connected-in', from), advice: CALL_NOW };
    case 'tool':
      return { headline: `${tool} started`, sentence: toolSentence(tool, facts.happened ?? 'started', from), advice: CALL_NOW };
    case 'installer':
      return { headline: `${tool} was downloaded`, sentence: toolSentence(tool, 'installer', from), advice: CALL_NOW };
    case 'choice': {
      const chose = choiceWords(facts.choice ?? 'end-it', clean(facts.contactName) || 'you');
      if (facts.endIt === 'not-ended') {
        return {
          headline: `Pause Guard could not close ${tool}`,
          sentence: `On the pause screen about ${tool}, ${who} chose: ${chose}. Pause Guard could not close ${tool}: it was not allowed to, it came straight back, or there was no program it could close. The pause screen stays up.`,
          advice: CALL_NOW,
        };
      }
      if (facts.endIt === 'ended') {
        return {
          headline: `${who} chose "${chose}"`,
          sentence: `On the pause screen about ${tool}, ${who} chose: ${chose}. Pause Guard closed ${tool}, and it stayed closed.`,
          advice: 'Call {person} soon to make sure the caller has gone.',
        };
      }
      return {
        headline: `${who} chose "${chose}"`,
        sentence: `On the pause screen about ${tool}, ${who} chose: ${chose}.`,
        advice: facts.choice === 'end-it' ? 'Call {person} soon to make sure the caller has gone.' : CALL_NOW,
      };
    }
    case 'help-wanted':
      return { headline: `${who} asked for your help`, sentence: `${who} pressed the button to call you.`, advice: 'Call {person} now.' };
    case 'pin-failed':
      return {
        headline: 'a wrong PIN was typed',
        sentence: 'Someone typed a wrong PIN to change or switch off Pause Guard.',
        advice: 'If that was not you, call {person} now.',
      };
    case 'not-own-hands':
      return {
        headline: 'someone else tried to get past Pause Guard',
        sentence: `While a program was moving the mouse on the PC, it tried to carry on past the pause screen or switch Pause Guard off, with clicks and keys that did not come from ${who}'s own hands. Pause Guard refused.`,
        advice: CALL_NOW,
      };
    case 'protection-gap':
      return {
        headline: 'protection was off for a while',
        sentence: 'Pause Guard was not running for a while without being closed with the PIN (a crash, or it was ended).',
        advice: 'If nobody you know did this, call {person} and check.',
      };
    case 'protection-held':
      return {
        headline: 'Pause Guard was held still',
        sentence: 'For more than a minute, Pause Guard was stopped from running while the computer was on, so it could not watch. Someone may have done this on purpose.',
        advice: 'Call {person} now and check the computer is all right.',
      };
    case 'protection-paused':
      return { headline: 'protection was paused', sentence: 'Pause Guard was paused with the PIN.', advice: 'If that was not you, call {person} now.' };
    case 'quit':
      return { headline: 'Pause Guard was closed', sentence: 'Pause Guard was closed with the PIN.', advice: 'If that was not you, call {person} now.' };
    case 'settings-changed':
      return { headline: 'settings were changed', sentence: "Pause Guard's settings were changed.", advice: 'If that was not you, call {person} and check.' };
    case 'settings-reset':
      return {
        headline: 'settings were reset',
        sentence: "Pause Guard's settings could not be read, so it went on with safe defaults. The trusted contact and PIN may need setting up again.",
        advice: null,
      };
    case 'debugger-refused':
      return {
        headline: 'Pause Guard was started with a debugger',
        sentence: 'Pause Guard was started in a way that would let someone control it from outside (a debugging switch). It refused to run like that and started again normally.',
        advice: 'If nobody you know did this, call {person} now: someone may be trying to switch Pause Guard off.',
      };
    case 'settings-tampered':
      return {
        headline: 'settings were changed outside Pause Guard',
        sentence: `Pause Guard's settings on ${whosePc(facts)} were removed or changed outside Pause Guard. It kept the settings you chose, and the family PIN is still needed to change them.`,
        advice: 'If that was not you, call {person} now: someone may be trying to switch Pause Guard off.',
      };
    case 'journal-tampered':
      return {
        headline: 'its journal was cut short',
        sentence: `Pause Guard's journal on ${whosePc(facts)} was cut short or removed outside Pause Guard, so some of what happened may be missing from it.`,
        advice: 'Call {person} now and check the computer is all right.',
      };
    case 'catalog-tampered':
      return {
        headline: 'its list of programs was changed',
        sentence: `The list of remote-access programs Pause Guard keeps on ${whosePc(facts)} was changed outside Pause Guard. It did not use it: it uses a genuine list and fetches the newest again.`,
        advice: 'If that was not you, call {person} now: someone may be trying to weaken Pause Guard.',
      };
    case 'weekly-summary':
      return { headline: 'the weekly summary', sentence: "This week's safety summary from Pause Guard is ready.", advice: null };
    case 'check-in-missed':
      return {
        headline: 'Pause Guard has gone quiet',
        sentence: `Pause Guard on ${whosePc(facts)} has not checked in since ${dateWords(facts.region, facts.timeZone).moment(facts.at)}. It may have been ended, or the computer lost its internet connection.`,
        advice: 'Call {person} on a number you know.',
      };
    case 'check-in-off':
      return {
        headline: 'Pause Guard has not started again',
        sentence: `${capitalise(whosePc(facts))} was shut down or went to sleep at ${dateWords(facts.region, facts.timeZone).moment(facts.at)}, and Pause Guard has not checked in since. If the computer is simply off, all is well.`,
        advice: 'If {person} is using it, call {person} on a number you know.',
      };
    case 'clean-up':
      return cleanupWording(tool, facts.cleanup ?? null, who);
    case 'test':
      return {
        headline: 'test alert',
        sentence: 'This is a test alert from Pause Guard. If you can read this, alerts reach you.',
        advice: null,
      };
  }
}

/** A step of "Check this computer", taken with the PIN. Never names a file or a command: only the tool and what was done. */
function cleanupWording(tool: string, cleanup: AlertFacts['cleanup'], who: string): Wording {
  const step = cleanup?.step ?? 'tell-helper';
  if (step === 'tell-helper') {
    return {
      headline: `help is needed to remove ${tool}`,
      sentence: `"Check this computer" found ${tool} installed, and removing it needs someone with the administrator password. The exact steps are on the "Check this computer" page on the PC.`,
      advice: 'Call {person} and arrange a time to remove it together.',
    };
  }
  const what = step === 'open-uninstaller' ? `opened the uninstaller for ${tool}` : `switched off ${tool} starting by itself`;
  if (cleanup?.ok === false) {
    return {
      headline: `${tool} could not be cleaned up`,
      sentence: `On "Check this computer", ${who} tried to remove or switch off ${tool} with the PIN, and it did not work.`,
      advice: 'Call {person} and check the computer together.',
    };
  }
  return {
    headline: `${tool} was cleaned up`,
    sentence: `On "Check this computer", ${who} ${what}, with the PIN.`,
    advice: 'If that was not you or someone you know, call {person} now.',
  };
}

/** "Mum's PC", or the PC's name before setup. */
function whosePc(facts: AlertFacts): string {
  const person = clean(facts.person);
  return person ? `${person}'s PC` : clean(facts.pcName) || 'this PC';
}

function toolSentence(tool: string, happened: Happening, from: string): string {
  if (happened === 'connected-in') return `Someone connected in to the PC with ${tool}${from}.`;
  if (happened === 'installer') return `An installer for ${tool} was downloaded.`;
  if (happened === 'remote-input') return 'Someone else was moving the mouse on the PC (a program was making the clicks and key presses).';
  if (happened === 'control-asked') return `Someone in a ${tool} call asked to control the PC, or was controlling it.`;
  if (happened === 'screen-shared') return `The PC's screen was being shared (${tool}) while a bank or payment page was open.`;
  return `${tool} started on the PC${from}.`;
}

function fromWhom(remoteId: string | null | undefined, remoteAddress: string | null | undefined): string {
  const id = clean(remoteId);
  if (id) return ` from remote ID ${id}`;
  const address = clean(remoteAddress);
  return address ? ` from ${address}` : '';
}

function choiceWords(choice: Choice, contact: string): string {
  if (choice === 'end-it') return 'end it now';
  if (choice === 'call-contact') return `call ${contact}`;
  return 'I started it myself';
}

function priorityOf(kind: AlertKind, choice: Choice | null): AlertPriority {
  switch (kind) {
    case 'interruption':
    case 'session':
    case 'help-wanted':
      return 'urgent';
    case 'choice':
      return choice === 'end-it' ? 'high' : 'urgent';
    case 'tool':
    case 'installer':
    case 'pin-failed':
    case 'not-own-hands':
    case 'protection-held':
    case 'debugger-refused':
    case 'quit':
    case 'settings-reset':
    case 'settings-tampered':
    case 'journal-tampered':
    case 'catalog-tampered':
    case 'check-in-missed':
      return 'high';
    case 'protection-gap':
    case 'check-in-off':
    case 'protection-paused':
    case 'settings-changed':
    case 'clean-up':
    case 'test':
      return 'default';
    case 'weekly-summary':
      return 'low';
  }
}

const TAG_BY_PRIORITY: Record<AlertPriority, string> = {
  urgent: 'rotating_light',
  high: 'warning',
  default: 'information_source',
  low: 'memo',
};

/** One line of printable text, short: names and IDs come from logs and settings and are shown to a person. */
function clean(value: string | null | undefined): string {
  if (!value) return '';
  const printable = Array.from(value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim());
  return printable.length > MAX_NAME ? `${printable.slice(0, MAX_NAME - 1).join('')}…` : printable.join('');
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function toHtml(title: string, lines: string[]): string {
  const paragraphs = lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`).join('');
  return [
    '<!doctype html><html><head><meta charset="utf-8"></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#111">',
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    paragraphs,
    '</body></html>',
  ].join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
