// The words of the "could not close" page: why "End it" did not work, and the steps that work whatever the program is.
// Plain and kind: it is never the person's fault that a program would not close.
import type { InterruptionView } from '../../../shared/interruption';

/** One sentence on why the program is still there. */
export function whyNotEnded(view: InterruptionView): string {
  const { name } = view.tool;
  if (view.notEnded === 'nothing-to-end') return `There was no program Pause Guard could close for ${name}, so the other person may still be connected.`;
  if (view.notEnded === 'came-back') return `${name} started again straight away, so the other person may still be connected.`;
  return `This computer did not let Pause Guard close ${name}, so the other person may still be connected.`;
}

/** What to do instead, in order: each step cuts the other person off, whatever the program. */
export function cutOffSteps(view: InterruptionView): string[] {
  const call = view.contact === null
    ? 'Then call someone you trust, on a number you already know.'
    : `Then call ${view.contact.name}${view.contact.phone === null ? '' : ` on ${view.contact.phone}`}.`;
  return [
    'Hang up the phone.',
    'Switch off the Wi-Fi, or pull the internet cable out of the computer or the router.',
    'If you are not sure how, hold the computer’s power button down until it turns off. That is safe to do.',
    call,
  ];
}

/** Why the page cannot simply be closed: it stays until the countdown has run and the PIN (or the word) is given. */
export function stayingSentence(view: InterruptionView): string {
  return view.pinRequired
    ? 'This page stays until the countdown has finished and the family PIN is typed.'
    : 'This page stays until the countdown has finished.';
}
