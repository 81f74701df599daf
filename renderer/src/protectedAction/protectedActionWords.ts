// The plain words of the PIN page for each tray action: the question, what will happen, and the button that goes ahead.
import { dateWords } from '../../../shared/dateWords';
import type { ProtectedAction } from '../../../shared/interruption';
import type { Region } from '../../../shared/settings';

export interface ProtectedActionWords {
  /** The page's title and the question it asks. */
  title: string;
  question: string;
  /** What happens if the person goes ahead, as one sentence. */
  outcome: string;
  confirmLabel: string;
}

/** When a pause asked for now would end. */
export function pauseEnd(hours: number, now: Date): Date {
  return new Date(now.getTime() + hours * 3600_000);
}

export function wordsFor(request: ProtectedAction, now: Date, region: Region): ProtectedActionWords {
  if (request.action === 'quit') {
    return {
      title: 'Quit Pause Guard',
      question: 'Quit Pause Guard?',
      outcome: 'Pause Guard will close and stop protecting this computer.',
      confirmLabel: 'Quit Pause Guard',
    };
  }
  const hours = request.hours === 1 ? '1 hour' : `${request.hours} hours`;
  return {
    title: 'Pause protection',
    question: `Pause protection for ${hours}?`,
    outcome: `Pause Guard will stop protecting this computer until ${dateWords(region).clock(pauseEnd(request.hours, now))}. It comes back on by itself after that.`,
    confirmLabel: `Pause for ${hours}`,
  };
}
