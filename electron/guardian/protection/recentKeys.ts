// Remembers keys seen in the last minute (sliding), so a tool restarting ten times is one warning, not ten.
// It only answers "seen lately?"; it never decides what to show.

export interface RecentKeys {
  /** True when the key was seen within the last minute; then now counts as its latest sighting (the minute slides). */
  seenLately(key: string): boolean;
  /** Counts now as a sighting. */
  remember(key: string): void;
}

export const RECENT_MS = 60_000;

export function createRecentKeys(now: () => Date, windowMs = RECENT_MS): RecentKeys {
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
