// After the run: how many tests did not run for want of a prerequisite, and which, file by file. Worded as a count of
// tests not run, never as a pass/fail tally: vitest's own summary and exit code are the verdict.
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { describeMissing, howToInstall } from './needs';

export default class NotRunReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const byFile: { file: string; count: number; missing: Set<string> }[] = [];
    for (const testModule of testModules) {
      let count = 0;
      const missing = new Set<string>();
      for (const test of testModule.children.allTests()) {
        const wanting = test.meta().missingPrerequisites;
        if (test.result().state !== 'skipped' || !wanting) continue;
        count += 1;
        for (const name of wanting) missing.add(name);
      }
      if (count > 0) byFile.push({ file: path.relative(process.cwd(), testModule.moduleId), count, missing });
    }
    if (byFile.length === 0) return;
    const total = byFile.reduce((sum, entry) => sum + entry.count, 0);
    const allMissing = [...new Set(byFile.flatMap((entry) => [...entry.missing]))];
    const lines = [
      `${total} ${total === 1 ? 'test' : 'tests'} did not run on this machine, for want of ${describeMissing(allMissing)}. ${howToInstall(allMissing)}.`,
      ...byFile.map(({ file, count, missing }) => `  ${file}: ${count} not run (needs ${[...missing].join(', ')})`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
