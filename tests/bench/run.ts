// `npm run bench`: runs every *.bench.ts module in this folder one after another and prints their figures
// against the budget (PASS or OVER). Figures are measured here only, never asserted in timed tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './benchResult';

const here = path.dirname(fileURLToPath(import.meta.url));

function verdict(r: BenchResult): string {
  if (r.budget === null) return '';
  return r.value <= r.budget ? 'PASS' : 'OVER';
}

function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.subject,
    r.figure,
    formatValue(r.value, r.unit),
    r.budget === null ? '' : `<= ${r.budget} ${r.unit}`,
    verdict(r),
    r.note ?? '',
  ]);
  const header = ['subject', 'figure', 'value', 'budget', 'verdict', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

const modules = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const results: BenchResult[] = [];
for (const file of modules) {
  console.log(`Running ${file} ...`);
  const started = performance.now();
  const bench = (await import(pathToFileURL(path.join(here, file)).href)) as BenchModule;
  results.push(...(await bench.run()));
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log('');
printTable(results);
