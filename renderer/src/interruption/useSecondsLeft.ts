// The countdown's whole seconds left, for display only: the main process alone decides when carrying on is allowed.
import { useEffect, useState } from 'react';

export function secondsUntil(endsAt: string, now: number): number {
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

export function useSecondsLeft(endsAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  const left = secondsUntil(endsAt, now);
  useEffect(() => {
    if (left === 0) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 250);
    return () => window.clearTimeout(timer);
  }, [left, now]);
  return left;
}
