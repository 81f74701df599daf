// Steps run one at a time, in order, and a failed step neither stops the next nor takes its result.
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../electron/guardian/oneAtATime';

describe('oneAtATime', () => {
  it('starts each step only once the one before it has settled, even when it failed', async () => {
    const queue = oneAtATime();
    const order: string[] = [];
    let releaseFirst = (): void => undefined;
    const first = queue(() => new Promise<string>((resolve) => {
      order.push('first starts');
      releaseFirst = () => resolve('first');
    }));
    const second = queue(async () => {
      order.push('second starts');
      throw new Error('second failed');
    });
    const third = queue(async () => {
      order.push('third starts');
      return 'third';
    });
    await Promise.resolve();
    expect(order).toEqual(['first starts']);
    releaseFirst();
    await expect(first).resolves.toBe('first');
    await expect(second).rejects.toThrow('second failed');
    await expect(third).resolves.toBe('third');
    expect(order).toEqual(['first starts', 'second starts', 'third starts']);
  });
});
