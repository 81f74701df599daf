// The caller removes the oldest journal entries (the first days, when they first called) and hopes it passes as
// the 13-month retention. The cut must be seen: verify-journal fails, and the next start tells the family.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { familyPc, journalFiles, type FamilyPc } from '../fixtures/hostile/familyPc';

let pc: FamilyPc;

beforeEach(async () => {
  pc = await familyPc();
  await pc.setUp();
  await pc.stop();
  const oldest = path.join(pc.journalDir, (await journalFiles(pc))[0] as string);
  const lines = (await fs.readFile(oldest, 'utf8')).trimEnd().split('\n');
  await fs.writeFile(oldest, `${lines.slice(2).join('\n')}\n`);
});
afterEach(async () => {
  await pc.cleanup();
});

it('verify-journal says the first entries were removed and exits 1', async () => {
  const result = await pc.cli(['verify-journal']);
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/first entries .*removed/i);
}, 60_000);

it('the next start tells the family the journal was cut, and journals it', async () => {
  await pc.start();
  await pc.alertSaying(/Pause Guard's journal on Mum's PC was cut short or removed outside Pause Guard/);
  expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'tampering', what: 'journal' }));
});
