// The interruption's words: the headline and what happened, naming the tool in plain words. No blame, no jargon.
import type { InterruptionView } from '../../../shared/interruption';

/** What the page says when a program, not the person's hands, is moving the mouse and pressing keys. */
export const REMOTE_INPUT_WORDS = 'Someone else is moving the mouse on this computer right now.';

export function headlineOf(view: InterruptionView): string {
  if (view.cause === 'tool-started') return 'Stop. Someone may be about to control your computer.';
  if (view.cause === 'remote-input') return `Stop. ${REMOTE_INPUT_WORDS}`;
  if (view.cause === 'bank-during-sharing') return 'Stop. Someone may be watching your screen.';
  return 'Stop. Someone may be trying to control your computer.';
}

/** What to do when a page for the person's money is open while someone can see or control the screen. */
const MONEY_PAGE_OPEN = 'Do not log in, and do not buy, send or pay anything.';

/** Sentences, in order: what started or connected, the tool in plain words, and anything that makes it more urgent. */
export function whatHappened(view: InterruptionView): string[] {
  const { name, description } = view.tool;
  if (view.cause === 'meeting-control') {
    return [
      `Someone in a ${name} call is asking to control this computer, or is already controlling it.`,
      'The name they show can be anything, even the name of a company.',
      'Banks, shops and computer companies never need to control your computer in a call.',
    ];
  }
  if (view.cause === 'bank-during-sharing') {
    return [`${name} is showing your screen to someone else.`, `A bank or payment page is open, so they can see it. ${MONEY_PAGE_OPEN}`];
  }
  const sentences: string[] = [];
  if (view.cause === 'remote-input') {
    return [
      'The pointer is moving and clicking, and keys are being pressed, but not by your hands: another program is doing it.',
      'If someone on the phone asked you to let them in, they can see and use this computer.',
    ];
  }
  if (view.cause === 'tool-started') {
    sentences.push(view.occurrences > 1 ? `${name} has just started on this computer, ${view.occurrences} times.` : `${name} has just started on this computer.`);
  } else {
    sentences.push(`Someone has connected to this computer with ${name}.`);
  }
  sentences.push(description);
  if (view.remoteId !== null) sentences.push(`The other person’s ${name} number is ${view.remoteId}.`);
  else if (view.remoteAddress !== null) sentences.push(`They are connecting from the address ${view.remoteAddress}.`);
  if (view.cause === 'bank-during-session') sentences.push(`A bank or payment page is open on the screen while they are connected. ${MONEY_PAGE_OPEN}`);
  return sentences;
}

/** What Pause Guard could do to the tool while the person reads; null when there was nothing to freeze. */
export function suspensionSentence(view: InterruptionView): string | null {
  if (view.suspension === 'suspended') return `${view.tool.name} is paused while you read this.`;
  if (view.suspension === 'not-possible') return `Pause Guard could not freeze ${view.tool.name} on this computer, so it may still be working.`;
  return null;
}
