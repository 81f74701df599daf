// The journal's sealed head on real files: kept after every write, and each way a journal fails to continue it
// (emptied, cut at the end, cut at the start, its newest entries replaced) named in a plain sentence.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createJournal, type Journal } from '../../../../electron/guardian/store/journal';
import { createHeadKeeper, headOf, headProblem, readJournalHead, type JournalHead } from '../../../../electron/guardian/store/journalHead';
import { openSealStore, type SealStore } from '../../../../electron/guardian/store/sealStore';

let root: string;
let dir: string;
let seal: SealStore;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-journal-head-'));
  dir = path.join(root, 'journal');
  seal = await openSealStore({ dataDir: root, sealDir: path.join(root, 'seal') });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Writes `count` heartbeats through a journal whose head is kept, as the app does; returns the sealed head. */
async function written(count: number): Promise<JournalHead> {
  let keeper: ReturnType<typeof createHeadKeeper> | null = null;
  const journal: Journal = await createJournal({ dir, onWritten: (tip) => keeper?.moved(tip) });
  keeper = createHeadKeeper(seal, headOf(journal.opening), () => undefined);
  for (let i = 0; i < count; i += 1) await journal.append({ type: 'heartbeat', at: new Date(Date.UTC(2026, 4, 1, 0, i)).toISOString() });
  await journal.close();
  await keeper.flush();
  const head = await readJournalHead(seal);
  if (head === null || head === 'broken') throw new Error('no head was sealed');
  return head;
}

const problemNow = async (head: JournalHead): Promise<string | null> => {
  const journal = await createJournal({ dir });
  await journal.close();
  return headProblem(dir, head, journal.opening);
};
const file = (): string => path.join(dir, '2026-05.jsonl');
const lines = async (): Promise<string[]> => (await fs.readFile(file(), 'utf8')).trimEnd().split('\n');

it('seals the head after writes and finds the journal continuing it', async () => {
  const head = await written(4);
  expect(head).toMatchObject({ firstSeq: 1, seq: 4 });
  expect(await problemNow(head)).toBeNull();
});

it('a journal emptied or deleted', async () => {
  const head = await written(3);
  await fs.rm(dir, { recursive: true });
  expect(await problemNow(head)).toBe('The journal was deleted or emptied: it had 3 entries.');
});

it('the newest entries removed', async () => {
  const head = await written(5);
  await fs.writeFile(file(), `${(await lines()).slice(0, 3).join('\n')}\n`);
  expect(await problemNow(head)).toBe("The journal's newest entries were removed: it now ends at entry 3, where 5 had been written.");
});

it('the first entries removed', async () => {
  const head = await written(5);
  await fs.writeFile(file(), `${(await lines()).slice(2).join('\n')}\n`);
  expect(await problemNow(head)).toBe("The journal's first entries were removed: it now starts at entry 3, where entry 1 was the first.");
});

it('the newest entries replaced by a chain of the same length made again', async () => {
  const head = await written(3);
  await fs.rm(dir, { recursive: true });
  const again = await createJournal({ dir });
  for (let i = 0; i < 3; i += 1) await again.append({ type: 'heartbeat', at: new Date(Date.UTC(2026, 4, 2, 0, i)).toISOString() });
  await again.close();
  expect(await problemNow(head)).toBe("The journal's newest entries were replaced: entry 3 is not the one Pause Guard wrote.");
});

it('a head sealed a little behind the journal (the app stopped before sealing the last write) still matches', async () => {
  const head = await written(4);
  const journal = await createJournal({ dir });
  await journal.append({ type: 'heartbeat', at: '2026-05-03T00:00:00.000Z' });
  await journal.close();
  expect(await problemNow(head)).toBeNull();
});

it('a head file edited by hand reads as broken', async () => {
  await written(2);
  const headFile = path.join(seal.copiesDir, 'journal-head.json');
  const edited = JSON.parse(await fs.readFile(headFile, 'utf8'));
  edited.seq = 1;
  await fs.writeFile(headFile, JSON.stringify(edited));
  expect(await readJournalHead(seal)).toBe('broken');
});
