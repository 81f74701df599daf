// The one way something that went wrong behind the screen is told in the app's log: "Pause Guard could not <what>: <why>".
// It never throws and never reaches the person at the PC; their pages say what matters to them in their own words.

/** "Pause Guard could not write to the journal: ENOSPC ..." */
export const couldNot = (what: string, error: unknown): string =>
  `Pause Guard could not ${what}: ${error instanceof Error ? error.message : String(error)}`;

/** Waits for `work`; if it fails, logs that in one sentence instead. Never rejects. */
export const quietly = (log: (line: string) => void, what: string, work: Promise<unknown>): Promise<void> =>
  work.then(
    () => undefined,
    (error: unknown) => log(couldNot(what, error)),
  );
