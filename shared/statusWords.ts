// What the status page and the tray say about this computer right now: one table from what is going on to the state,
// its headline and its sentence, and one from a running tool's tier to how it is described, so the words never disagree.
import type { Status } from './api';
import type { ToolTier } from './catalog';

type StatusState = Status['state'];

/** What is going on, most urgent first: the first that holds names the state. */
export type Situation = 'part-broken' | 'alerts-not-reaching' | 'paused' | 'connected-in' | 'control-program' | 'quiet';

export const SITUATIONS: Record<Situation, { state: StatusState; sentence: (facts: { who: string; until: string }) => string }> = {
  'part-broken': { state: 'problem', sentence: () => 'Pause Guard is running, but part of it is not working. Please tell your family.' },
  'alerts-not-reaching': { state: 'problem', sentence: ({ who }) => `Pause Guard is watching, but it cannot reach ${who}. Please tell your family.` },
  paused: { state: 'paused', sentence: ({ until }) => `Protection is paused until ${until}. It comes back on by itself.` },
  'connected-in': { state: 'warning', sentence: () => 'Someone is connected to this computer from somewhere else.' },
  'control-program': { state: 'warning', sentence: () => 'A program that lets other people control this computer is running.' },
  quiet: { state: 'protected', sentence: () => 'Pause Guard is protecting this computer.' },
};

/** The state and sentence for a situation; `who` is the contact's name, `until` when a pause ends, in words. */
export function statusFor(situation: Situation, facts: { who?: string; until?: string } = {}): Pick<Status, 'state' | 'summary'> {
  const { state, sentence } = SITUATIONS[situation];
  return { state, summary: sentence({ who: facts.who ?? 'your family', until: facts.until ?? 'later' }) };
}

/** The headline over the sentence on the status page. */
export const STATE_HEADLINES: Record<StatusState, string> = {
  protected: 'All is well',
  warning: 'Please take a look',
  paused: 'Protection is paused',
  problem: 'Needs attention',
};

/** Whether a running tool can let someone control the computer (and so asks for a look), by its tier. */
export const TIER_CONTROLS: Record<ToolTier, boolean> = { interrupt: true, warn: true, log: false };

/** How the status page lists running tools, by whether they can control the computer. */
export const RUNNING_TOOL_HEADINGS = {
  control: 'Programs that let others control this computer',
  other: 'Other programs Pause Guard keeps an eye on',
} as const;
