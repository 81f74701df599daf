// When protection was on during a stretch of time, from the journal: every record is a sign the app was running;
// a silence longer than two heartbeats (and slack), the time after a clean stop or after falling asleep, a recorded
// protection gap and a pause are off. Off stretches are labelled with their cause; where causes overlap the most serious one wins.
import type { GapCause } from '../../../shared/summary';

export interface OffSpan {
  from: number;
  to: number;
  cause: GapCause;
}

type StopCause = Extract<GapCause, 'shutdown' | 'quit' | 'update' | 'asleep'>;

interface Sign {
  at: number;
  /** Set when the record was a clean stop or the computer falling asleep: the silence after it is expected, with this cause. */
  stop: StopCause | null;
}

/** Higher wins where off stretches overlap. */
const SERIOUSNESS: Record<GapCause, number> = { paused: 0, asleep: 1, shutdown: 2, update: 3, quit: 4, unexplained: 5, stalled: 6 };

export class ProtectionTimeline {
  private readonly signs: Sign[] = [];
  private inOrder = true;
  private before: Sign | null = null;
  private after: Sign | null = null;
  private readonly recordedGaps: OffSpan[] = [];
  private readonly pauses: { at: number; until: number }[] = [];
  private readonly resumes: number[] = [];

  /** `start` to `end` is the stretch measured; `longestQuietMs` the longest silence that still counts as on. */
  constructor(
    private readonly start: number,
    private readonly end: number,
    private readonly longestQuietMs: number,
  ) {}

  /** A record the running app wrote at `at`; `stop` when it was a clean stop. */
  addSign(at: number, stop: StopCause | null = null): void {
    const sign = { at, stop };
    if (at < this.start) {
      if (!this.before || at >= this.before.at) this.before = sign;
    } else if (at >= this.end) {
      if (!this.after || at < this.after.at) this.after = sign;
    } else {
      const last = this.signs.at(-1);
      if (last && at < last.at) this.inOrder = false;
      this.signs.push(sign);
    }
  }

  /** A protection-gap record for a stop that was not clean (a clean one is the silence after its clean stop). */
  addRecordedGap(from: number, to: number, cause: Extract<GapCause, 'unexplained' | 'stalled'>): void {
    if (to > this.start && from < this.end) this.recordedGaps.push({ from, to, cause });
  }

  addPause(at: number, until: number): void {
    if (until > this.start && at < this.end) this.pauses.push({ at, until });
  }

  addResume(at: number): void {
    if (at < this.end) this.resumes.push(at);
  }

  /**
   * The off stretches between `start` and `measuredUntil`, in order, merged where touching with the same cause.
   * `now` counts as a sign of life when it follows the last record by less than the longest quiet (the app is running).
   */
  offSpans(measuredUntil: number, now: number): OffSpan[] {
    // At the same moment a stop comes last: the silence after it is the stop's.
    if (!this.inOrder) this.signs.sort((a, b) => a.at - b.at || Number(a.stop !== null) - Number(b.stop !== null));
    const signs = [...(this.before ? [this.before] : []), ...this.signs, ...(this.after ? [this.after] : [])];
    const last = signs.at(-1);
    if (last && !last.stop && now > last.at && now - last.at <= this.longestQuietMs) signs.push({ at: now, stop: null });

    const spans: OffSpan[] = [...this.recordedGaps, ...this.pauseSpans()];
    const first = signs[0];
    if (!first || !last) {
      spans.push({ from: this.start, to: measuredUntil, cause: 'unexplained' });
    } else {
      spans.push({ from: Number.NEGATIVE_INFINITY, to: first.at, cause: 'unexplained' });
      for (let i = 1; i < signs.length; i += 1) {
        const a = signs[i - 1] as Sign;
        const b = signs[i] as Sign;
        if (a.stop) spans.push({ from: a.at, to: b.at, cause: a.stop });
        else if (b.at - a.at > this.longestQuietMs) spans.push({ from: a.at, to: b.at, cause: 'unexplained' });
      }
      const final = signs.at(-1) as Sign;
      spans.push({ from: final.at, to: Number.POSITIVE_INFINITY, cause: final.stop ?? 'unexplained' });
    }
    return flatten(spans, this.start, measuredUntil);
  }

  /** Each pause runs to its end time or the first resume after it, whichever comes first. */
  private pauseSpans(): OffSpan[] {
    const resumes = [...this.resumes].sort((a, b) => a - b);
    return this.pauses.map(({ at, until }) => {
      const resumed = resumes.find((r) => r > at);
      return { from: at, to: resumed === undefined ? until : Math.min(until, resumed), cause: 'paused' as const };
    });
  }
}

/** Clips to [from, to] and resolves overlaps by seriousness, as a sweep over the spans' ends. */
function flatten(spans: OffSpan[], from: number, to: number): OffSpan[] {
  const edges: { at: number; cause: GapCause; delta: 1 | -1 }[] = [];
  for (const span of spans) {
    const a = Math.max(span.from, from);
    const b = Math.min(span.to, to);
    if (b > a) edges.push({ at: a, cause: span.cause, delta: 1 }, { at: b, cause: span.cause, delta: -1 });
  }
  edges.sort((x, y) => x.at - y.at);
  const open: Record<GapCause, number> = { paused: 0, asleep: 0, shutdown: 0, update: 0, quit: 0, unexplained: 0, stalled: 0 };
  const result: OffSpan[] = [];
  for (let i = 0; i < edges.length; i += 1) {
    const edge = edges[i] as (typeof edges)[number];
    open[edge.cause] += edge.delta;
    const next = edges[i + 1];
    if (!next || next.at === edge.at) continue;
    const cause = mostSerious(open);
    if (!cause) continue;
    const previous = result.at(-1);
    if (previous && previous.to === edge.at && previous.cause === cause) previous.to = next.at;
    else result.push({ from: edge.at, to: next.at, cause });
  }
  return result;
}

function mostSerious(open: Record<GapCause, number>): GapCause | null {
  let best: GapCause | null = null;
  for (const cause of Object.keys(open) as GapCause[]) {
    if (open[cause] > 0 && (best === null || SERIOUSNESS[cause] > SERIOUSNESS[best])) best = cause;
  }
  return best;
}

/** How much of [from, to] the off spans cover, in ms. */
export function offWithin(spans: readonly OffSpan[], from: number, to: number): number {
  let total = 0;
  for (const span of spans) total += Math.max(0, Math.min(span.to, to) - Math.max(span.from, from));
  return total;
}
