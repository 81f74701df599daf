// What one benchmark figure looks like, as every *.bench.ts module returns it to tests/bench/run.ts.

export interface BenchResult {
  /** What was measured, e.g. "processes (proc)". */
  readonly subject: string;
  /** The figure, e.g. "p95 start to tool-started". */
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** The most the budget allows, when the figure has one. */
  readonly budget: number | null;
  /** A short remark printed beside the figure. */
  readonly note?: string;
}

/** A module that tests/bench/run.ts runs: one `run` that measures and returns its figures. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
