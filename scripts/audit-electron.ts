// npm run audit:electron: runs @doyensec/electronegativity over electron/ and fails on any finding of MEDIUM or above,
// or on any inline silence other than the two manual-review checks that may be silenced with a reason.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Level = { value: number; name: string };
export type Finding = { id: string; file: string; location: { line: number; column: number }; severity: Level; confidence: Level; description: string };
type ScanResult = { issues: Finding[]; errors: Array<{ file: string; message: string; tolerable: boolean }> };
type RunScan = (options: Record<string, unknown>) => Promise<ScanResult>;

/** The checks that only ask a person to review correct code; nothing else may be silenced. */
export const SILENCEABLE_CHECKS = ['PRELOAD_JS_CHECK', 'LIMIT_NAVIGATION_JS_CHECK'] as const;
const MEDIUM = 2;

/** The same inline-silence comment electronegativity reads (`//`, `/*` or `<!--` followed by the marker and names). */
const silenceComment = new RegExp(String.raw`(?:\/\*|\/\/|<!--)[ \t]*eng-${'disable'}[ \t]+([\w \t]*)`, 'gi');

export type SilenceProblem = { file: string; line: number; problem: string };

/** Every inline silence in one file's text that breaks the rule: allowed check first, a reason after it, never on line 1. */
export function silenceProblems(file: string, text: string): SilenceProblem[] {
  const problems: SilenceProblem[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const match of lineText.matchAll(silenceComment)) {
      const words = (match[1] ?? '').trim().split(/[ \t,]+/).filter(Boolean);
      const [check, ...reason] = words;
      const line = index + 1;
      const namedChecks = words.filter((word) => /(_check|check)$/i.test(word));
      if (index === 0) problems.push({ file, line, problem: 'a silence on the first line would silence the whole file' });
      if (check === undefined || !(SILENCEABLE_CHECKS as readonly string[]).includes(check)) {
        problems.push({ file, line, problem: `only ${SILENCEABLE_CHECKS.join(' and ')} may be silenced, not ${check ?? 'nothing'}` });
      } else if (namedChecks.length > 1) {
        problems.push({ file, line, problem: `one check per silence: ${namedChecks.join(', ')}` });
      } else if (reason.length === 0) {
        problems.push({ file, line, problem: `silencing ${check} needs a one-line reason after it` });
      }
    }
  });
  return problems;
}

/** Source files under a folder, skipping build output and dependencies. */
export function sourceFiles(dir: string): string[] {
  const skip = new Set(['node_modules', 'out', 'dist', 'release', 'coverage', '.git', '.tmp']);
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : sourceFiles(full);
    return /\.(m?[jt]sx?|cjs|html?)$/.test(entry.name) ? [full] : [];
  });
}

/** Findings that fail the audit: MEDIUM, HIGH (any confidence). */
export function blockingFindings(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity.value >= MEDIUM);
}

export async function scan(input: string): Promise<ScanResult> {
  const require = createRequire(import.meta.url);
  const runScan = require('@doyensec/electronegativity') as RunScan;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  return runScan({
    input,
    isRelative: true,
    // The input has no package.json, so the version the app is built with is given here (it sets Electron's defaults).
    electronVersionOverride: electronVersion,
    // This check only downloads Electron's release list from GitHub to judge package.json, which is not scanned here.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
}

const row = (cells: string[], widths: number[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();

export function findingsTable(findings: Finding[]): string {
  const header = ['SEVERITY', 'CONFIDENCE', 'CHECK', 'WHERE'];
  const rows = findings.map((f) => [f.severity.name, f.confidence.name, f.id, `${f.file}:${f.location.line}`]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
  return [row(header, widths), ...rows.map((r) => row(r, widths))].join('\n');
}

async function main(root: string): Promise<number> {
  const scanned = path.join(root, 'electron');
  const silences = ['electron', 'shared', 'renderer', 'scripts']
    .map((dir) => path.join(root, dir))
    .filter((dir) => fs.existsSync(dir))
    .flatMap(sourceFiles)
    .flatMap((file) => silenceProblems(path.relative(root, file), fs.readFileSync(file, 'utf8')));
  const result = await scan(scanned);
  const blocking = blockingFindings(result.issues);

  console.log(`electronegativity over ${path.relative(root, scanned)}/: ${result.issues.length} finding(s), ${blocking.length} of MEDIUM or above`);
  if (result.issues.length > 0) console.log(findingsTable(result.issues));
  for (const error of result.errors.filter((e) => !e.tolerable)) console.log(`Could not parse ${error.file}: ${error.message}`);
  for (const s of silences) console.log(`Not allowed: ${s.file}:${s.line}: ${s.problem}`);

  const unparsed = result.errors.filter((e) => !e.tolerable).length;
  return blocking.length > 0 || silences.length > 0 || unparsed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.cwd()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`The Electron audit could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
