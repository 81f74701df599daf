// The caller deletes the journal folder, so nothing shows what happened and the next start looks like a first one.
// A data folder with sealed settings but no journal is tampering: journalled anew and the family told.
import fs from 'node:fs/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { familyPc, type FamilyPc } from '../fixtures/hostile/familyPc';

let pc: FamilyPc;

beforeEach(async () => {
  pc = await familyPc();
  await pc.setUp();
  await pc.stop();
});
afterEach(async () => {
  await pc.cleanup();
});

it('a deleted journal folder is told to the family at the next start and journalled anew', async () => {
  await fs.rm(pc.journalDir, { recursive: true });
  const services = await pc.start();
  expect(services.settings().pin).not.toBeNull();
  await pc.alertSaying(/Pause Guard's journal on Mum's PC was cut short or removed outside Pause Guard/);
  const records = await pc.records();
  expect(records).toContainEqual(expect.objectContaining({ type: 'tampering', what: 'journal' }));
  expect((await pc.thisWeeksSummary()).tampering).toEqual([expect.objectContaining({ what: 'journal' })]);
});

it('an emptied journal file is the same', async () => {
  for (const name of await fs.readdir(pc.journalDir)) await fs.writeFile(`${pc.journalDir}/${name}`, '');
  await pc.start();
  await pc.alertSaying(/Pause Guard's journal on Mum's PC was cut short or removed outside Pause Guard/);
});
