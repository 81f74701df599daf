// The caller removes the newest journal entries (what happened in the last hour) so the weekly summary and
// verify-journal do not show it. The cut must be seen: verify-journal fails, and the next start tells the family.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { familyPc, journalFiles, type FamilyPc } from '../fixtures/hostile/familyPc';

let pc: FamilyPc;

beforeEach(async () => {
  pc = await familyPc();
  await pc.setUp();
  await pc.stop();
  const newest = path.join(pc.journalDir, (await journalFiles(pc)).at(-1) as string);
  const lines = (await fs.readFile(newest, 'utf8')).trimEnd().split('\n');
  // Everything from the settings change on: what the caller did.
  const cutFrom = lines.findIndex((line) => line.includes('"type":"settings-changed"'));
  expect(cutFrom).toBeGreaterThan(0);
  await fs.writeFile(newest, `${lines.slice(0, cutFrom).join('\n')}\n`);
});
afterEach(async () => {
  await pc.cleanup();
});

it('verify-journal says the newest entries were removed and exits 1', async () => {
  const result = await pc.cli(['verify-journal']);
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/newest entries .*removed/i);
}, 60_000);

it('the next start tells the family the journal was cut, and journals it', async () => {
  await pc.start();
  await pc.alertSaying(/Pause Guard's journal on Mum's PC was cut short or removed outside Pause Guard/);
  expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'tampering', what: 'journal' }));
});
