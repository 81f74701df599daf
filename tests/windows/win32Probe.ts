// The Win32 probe the Windows reader tests share: bundled once for Node for Windows, run in the bed with a mode and its
// arguments, and its JSON report read back (it must end cleanly, print nothing and report no error).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { bundleForWindows } from '../../scripts/windows/buildWindowsCli';
import { bedPaths } from '../../scripts/windows/windowsBed';
import type { WineBed } from './wineHarness';

const probe = path.join(bedPaths.cliDir, 'win32-probe.mjs');
let reports = 0;

export const bundleWin32Probe = (): Promise<void> => bundleForWindows('tests/windows/fixtures/win32Probe.ts', probe);

export async function runWin32Probe<T>(bed: WineBed, mode: string, ...args: string[]): Promise<T> {
  const report = `${bed.folders.appData}\\probe-${process.pid}-${++reports}.json`;
  const { code, stderr } = await bed.runNode([probe, report, mode, ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const result = JSON.parse(fs.readFileSync(bed.toLinux(report), 'utf8')) as T & { error?: string };
  expect(result.error).toBeUndefined();
  return result;
}
