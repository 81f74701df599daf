// One step at a time: each step starts only once the one before it has settled, whether it succeeded or failed, so a
// storm of starts and a click arriving together, or two PIN tries side by side, never interleave.

/** A queue of steps; each call resolves or rejects with its own step's outcome. */
export function oneAtATime(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const next = tail.then(step, step);
    tail = next.catch(() => undefined);
    return next;
  };
}
