// "End it" as the person means it, over an in-memory process list: ended only when every process was listed again and
// stayed gone for STAYS_GONE_MS; refused, failed, back again or nothing to end is "not ended", with the reason.
import { endForGood, RELIST_MS, STAYS_GONE_MS } from '../../../../electron/guardian/actions/endForGood';
import type { ProcessActionResult } from '../../../../electron/guardian/actions/processControl';

function run(options: { running: number[]; answer?: ProcessActionResult; backAfterMs?: number; knownPids?: number[] }) {
  const running = new Set(options.running);
  let waited = 0;
  const ended: number[] = [];
  return endForGood({
    processControl: {
      end: async (pid) => {
        ended.push(pid);
        if (options.answer !== undefined) return options.answer;
        running.delete(pid);
        return 'done';
      },
    },
    listRunning: async () => (options.backAfterMs !== undefined && waited >= options.backAfterMs ? [...running, 9999] : [...running]),
    knownPids: options.knownPids ?? [],
    wait: async (ms) => void (waited += ms),
  }).then((outcome) => ({ outcome, waited, ended }));
}

describe('endForGood', () => {
  it('is ended once every process is gone and stays gone the whole time', async () => {
    const { outcome, waited, ended } = await run({ running: [10, 11] });
    expect(outcome).toEqual({ outcome: 'ended' });
    expect(ended.sort()).toEqual([10, 11]);
    expect(waited).toBe(STAYS_GONE_MS);
  });

  it('is not ended when one comes back before the time is up, and names what runs', async () => {
    const { outcome } = await run({ running: [10], backAfterMs: STAYS_GONE_MS - RELIST_MS });
    expect(outcome).toEqual({ outcome: 'not-ended', reason: 'came-back', running: [9999] });
  });

  it.each(['refused', 'failed', 'not-possible'] as const)('is not ended when ending is %s, even if nothing is listed', async (answer) => {
    const { outcome } = await run({ running: [], knownPids: [10], answer });
    expect(outcome).toEqual({ outcome: 'not-ended', reason: 'refused', running: [] });
  });

  it('is not ended when there is nothing to end, without ending anything', async () => {
    const { outcome, ended } = await run({ running: [] });
    expect(outcome).toEqual({ outcome: 'not-ended', reason: 'nothing-to-end', running: [] });
    expect(ended).toEqual([]);
  });
});
