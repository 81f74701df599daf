// `summary` and `verify-journal` through npm exactly as scripts call them, over a journal written with the journal API.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../shared/journal';
import { WeeklySummarySchema } from '../../shared/summary';
import { createJournal } from '../../electron/guardian/store/journal';
import { childPaced } from '../fixtures/childReports';
import { runPauseguard } from '../fixtures/cliRun';

let dataDir: string;

const run = (args: string[]) => runPauseguard(args, null, { TZ: 'Europe/London' });

function session(at: string, key: string, remoteId: string): JournalRecord {
  return {
    type: 'session-started', at, key, kind: 'log', toolId: 'anydesk', name: 'AnyDesk', pid: null,
    remoteAddress: null, remoteId, since: at, risk: 'high', initial: false,
  };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-summary-cli-'));
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({
    version: 1, trustedHelpers: [{ toolId: 'anydesk', remoteId: '123 456 789', label: "Dave's AnyDesk" }],
  }));
  const journal = await createJournal({ dir: path.join(dataDir, 'journal') });
  const records: JournalRecord[] = [];
  // 2026-W10: Monday 2 March to Sunday 8 March; a heartbeat every 5 minutes, off on Wednesday night.
  for (let t = Date.parse('2026-03-01T23:55:00Z'); t <= Date.parse('2026-03-09T00:05:00Z'); t += 300_000) {
    const at = new Date(t).toISOString();
    if (at > '2026-03-04T22:00:00.000Z' && at < '2026-03-05T07:00:00.000Z') continue;
    records.push({ type: 'heartbeat', at });
    if (at === '2026-03-04T22:00:00.000Z') records.push({ type: 'clean-stop', at, reason: 'shutdown' });
  }
  records.push(
    session('2026-03-03T10:00:00.000Z', 'dave', '123456789'),
    session('2026-03-06T15:00:00.000Z', 'caller', '987654321'),
    { type: 'tool-started', at: '2026-03-06T14:59:00.000Z', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 4242, exe: null, initial: false },
  );
  await Promise.all(records.map((record) => journal.append(record)));
  await journal.close();
});

afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

// Each test runs the CLI to its exit: no budget, which would count the start of npm and tsx.
describe('summary', childPaced, () => {
  it('prints the week as JSON with the contract fields', async () => {
    const { code, stdout, stderr } = await run(['summary', '--json', '--week', '2026-W10', '--data-dir', dataDir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = WeeklySummarySchema.parse(JSON.parse(stdout));
    expect(summary).toMatchObject({
      week: '2026-W10',
      timeZone: 'Europe/London',
      uptimePercent: Math.floor(((168 - 9) / 168) * 1000) / 10,
      gaps: [{ from: '2026-03-04T22:00:00.000Z', to: '2026-03-05T07:00:00.000Z', cause: 'shutdown' }],
      toolsSeen: [{ toolId: 'anydesk', name: 'AnyDesk', count: 1 }],
      sessions: { trusted: 1, unknown: 1 },
      installers: [],
      interruptions: { shown: 0, choices: { 'end-it': 0, 'call-contact': 0, 'started-it-myself': 0 } },
      couldNotClose: [],
      alerts: { delivered: 0, failed: 0 },
      allQuiet: false,
    });
  });

  it('prints friendly sentences without --json', async () => {
    const { code, stdout } = await run(['summary', '--week', '2026-W10', '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Week 2026-W10: Monday 2 March to Sunday 8 March.');
    expect(stdout).toContain('Protection was on 94.6% of the time.');
    expect(stdout).toContain('Off from 10:00 pm on Wednesday 4 March to 7:00 am on Thursday 5 March (the computer was shut down).');
    expect(stdout).toContain('Connections into this computer: 1 from someone unknown, 1 from trusted helpers.');
    expect(stdout).toContain('AnyDesk from 987654321: once.');
  });

  it('says "All quiet this week." for the last full week of an empty data folder', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-summary-empty-'));
    try {
      const { code, stdout } = await run(['summary', '--data-dir', empty]);
      expect(code).toBe(0);
      expect(stdout).toContain('All quiet this week.');
      expect(await fs.readdir(empty)).toEqual([]);
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });

  it('refuses a badly written week in one plain sentence, exit 2', async () => {
    const { code, stdout, stderr } = await run(['summary', '--week', '2026-48', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('"2026-48" is not a week: write it like 2026-W48 (the year, -W, and the week number).\n');
  });
});

// Each test runs the CLI to its exit: no budget, which would count the start of npm and tsx.
describe('verify-journal', childPaced, () => {
  it('exits 0 for an intact journal, and 1 with the line once an entry is edited', async () => {
    const intact = await run(['verify-journal', '--data-dir', dataDir]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^The journal is intact: \d+ entries in 1 file, each linked to the one before\.\n$/);

    const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-verify-cli-'));
    try {
      await fs.cp(path.join(dataDir, 'journal'), path.join(copy, 'journal'), { recursive: true });
      const file = path.join(copy, 'journal', '2026-03.jsonl');
      const lines = (await fs.readFile(file, 'utf8')).split('\n');
      lines[9] = (lines[9] ?? '').replace('"heartbeat"', '"app-started","version":"0"');
      await fs.writeFile(file, lines.join('\n'));

      const broken = await run(['verify-journal', '--data-dir', copy]);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('The journal has been tampered with or damaged');
      expect(broken.stdout).toContain('The app-started record on line 10 of 2026-03.jsonl was changed after it was written');

      const json = await run(['verify-journal', '--json', '--data-dir', copy]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, breaks: [{ file: '2026-03.jsonl', line: 10, reason: 'edited' }] });
    } finally {
      await fs.rm(copy, { recursive: true, force: true });
    }
  });
});
