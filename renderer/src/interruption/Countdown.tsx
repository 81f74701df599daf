// The countdown as the person sees it: seconds left and a ring that empties (no ring when motion is unwelcome).
// Display only: whether carrying on is offered comes from the main process as `canCarryOn`.
import type { InterruptionView } from '../../../shared/interruption';
import { useSecondsLeft } from './useSecondsLeft';

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export function Countdown({ view }: { view: InterruptionView }) {
  const left = useSecondsLeft(view.countdownEndsAt);
  const total = Math.max(1, Math.round((Date.parse(view.countdownEndsAt) - Date.parse(view.shownAt)) / 1000));
  if (view.canCarryOn) return null;
  const sentence = left > 0 ? `More choices in ${left} ${left === 1 ? 'second' : 'seconds'}.` : 'More choices in a moment.';
  return (
    <div className="countdown" role="timer" aria-label={sentence} data-unread>
      <svg className="countdown-ring" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
        <circle className="countdown-track" cx="50" cy="50" r={RADIUS} />
        <circle
          className="countdown-left"
          cx="50"
          cy="50"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - Math.min(1, left / total))}
          transform="rotate(-90 50 50)"
        />
        <text x="50" y="50" dominantBaseline="central" textAnchor="middle" className="countdown-number">
          {left}
        </text>
      </svg>
      <p aria-hidden="true">{sentence}</p>
    </div>
  );
}
