// Remembers keys seen in the last minute (sliding), so a tool restarting ten times is one warning, not ten.
// It only answers "seen lately?"; it never decides what to show.

export interface StormWindow {
  /** True when the key was seen within the window before now; then now counts as its latest sighting (the window slides). */
  seenLately(key: string): boolean;
  /** Counts now as a sighting. */
  remember(key: string): void;
}

export const STORM_WINDOW_MS = 60_000;

export function createStormWindow(now: () => Date, windowMs = STORM_WINDOW_MS): StormWindow {
  const lastSeen = new Map<string, number>();
  const forgetOld = (at: number): void => {
    for (const [key, seen] of lastSeen) if (at - seen > windowMs) lastSeen.delete(key);
  };
  const remember = (key: string): void => {
    const at = now().getTime();
    forgetOld(at);
    lastSeen.set(key, at);
  };
  return {
    seenLately(key) {
      const at = now().getTime();
      const seen = lastSeen.get(key);
      if (seen === undefined || at - seen > windowMs) return false;
      remember(key);
      return true;
    },
    remember,
  };
}
