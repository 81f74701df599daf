// `pauseguard check` and `clean-up` end to end on a temporary Linux tree with real catalog tools: the list, an autostart
// entry switched off for real behind the family PIN (a wrong PIN changes nothing and is reported), one more yes for a
// program running now, a trusted program never touched, every step journalled and told to the family (a real ntfy
// receiver on 127.0.0.1).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../shared/installedCheck';
import { childPaced } from '../fixtures/childReports';
import { journalOf, ntfyTitles } from '../fixtures/hostile/callerCli';
import { emptyLinuxTree, scammedLinuxTree, type LinuxTree } from '../fixtures/check/linuxTree';
import { runPauseguard } from '../fixtures/cliRun';
import { fakeTool, runTracked } from '../fixtures/toolProcesses';
import { startReceiver, type Receiver } from './alerts/receiver';

let dataDir: string;
let tree: LinuxTree;
let ntfy: Receiver;
let programs: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-check-cli-'));
  programs = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-check-programs-'));
  tree = scammedLinuxTree();
  ntfy = await startReceiver(() => 200);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await ntfy.close();
  tree.remove();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(programs, { recursive: true, force: true });
});

const inTree = (): string[] => ['--root', tree.root, '--home', tree.home, '--processes-in', programs];
const pauseguard = (args: string[]) => runPauseguard(args, dataDir);
async function report(): Promise<CheckReport> {
  const run = await pauseguard(['check', '--json', ...inTree()]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as CheckReport;
}
const stepOf = (r: CheckReport, toolId: string, kind: string) => r.programs.find((p) => p.toolId === toolId)?.steps.find((s) => s.kind === kind);

describe('pauseguard check and clean-up', childPaced, () => {
  it('says in one sentence when nothing is installed', async () => {
    const empty = emptyLinuxTree();
    try {
      const run = await pauseguard(['check', '--root', empty.root, '--home', empty.home]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.trim()).toBe('No remote-access programs are installed on this computer. Nobody can use one to get back in.');
    } finally {
      empty.remove();
    }
  });

  it('lists what a caller left, in plain lines, with each step and how to take it', async () => {
    const run = await pauseguard(['check', ...inTree()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('AnyDesk\n  AnyDesk lets another person see and control this computer.\n  Installed: 2026-11-30\n');
    expect(run.stdout).toContain('  Unattended access: yes: someone with its password can connect with nobody here to accept');
    expect(run.stdout).toContain(`  Found: the startup file anydesk_global_tray.desktop; it starts when you log in, from a startup file (${tree.root}/etc/xdg/autostart/anydesk_global_tray.desktop)`);
    expect(run.stdout).toMatch(/To take it: pauseguard clean-up --step anydesk-hide-autostart-[0-9a-f]{10} --pin YOUR-PIN/);
  });

  it('switches off a startup file for real with the PIN; a wrong PIN changes nothing; both are journalled and told', async () => {
    const setup = await pauseguard(['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--ntfy-url', `${ntfy.url}/pg-family`, '--pin', '2468']);
    expect(setup.code).toBe(0);
    const step = stepOf(await report(), 'anydesk', 'hide-autostart');
    expect(step).toBeDefined();
    const userCopy = path.join(tree.home, '.config/autostart/anydesk_global_tray.desktop');
    const system = path.join(tree.root, 'etc/xdg/autostart/anydesk_global_tray.desktop');
    const systemBefore = fs.readFileSync(system, 'utf8');

    const wrong = await pauseguard(['clean-up', '--step', step?.id ?? '', '--pin', '1357', ...inTree()]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^That PIN is not right\..* Nothing was changed\.\n$/s);
    expect(fs.existsSync(userCopy)).toBe(false);

    const right = await pauseguard(['clean-up', '--step', step?.id ?? '', '--pin', '2468', ...inTree()]);
    expect(right).toMatchObject({ code: 0, stdout: 'AnyDesk will no longer start by itself when you log in.\n' });
    expect(fs.readFileSync(userCopy, 'utf8')).toBe('[Desktop Entry]\nHidden=true\nType=Application\nName=AnyDesk\nExec=/usr/bin/anydesk --tray\nIcon=anydesk\nNoDisplay=true\n');
    expect(fs.readFileSync(system, 'utf8')).toBe(systemBefore);

    const after = await report();
    expect(after.programs.find((p) => p.toolId === 'anydesk')?.places.map((p) => p.kind)).toEqual(['package', 'systemd-unit']);
    // The same step again: a fresh check no longer finds it, so nothing is done.
    const again = await pauseguard(['clean-up', '--step', step?.id ?? '', '--pin', '2468', ...inTree()]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^That step is not needed any more/);

    const journal = await journalOf(dataDir);
    expect(journal.filter((r) => r.type === 'pin-failed').at(-1)).toMatchObject({ action: 'clean-up' });
    expect(journal.filter((r) => r.type === 'clean-up')).toEqual([
      expect.objectContaining({ toolId: 'anydesk', name: 'AnyDesk', step: 'hide-autostart', ok: true, message: 'AnyDesk will no longer start by itself when you log in.' }),
    ]);
    const titles = ntfyTitles(ntfy.received);
    expect(titles).toContain("Margaret's PC: a wrong PIN was typed");
    expect(titles).toContain("Margaret's PC: AnyDesk was cleaned up");
  });

  it('for what needs an administrator, changes nothing and tells the family help is needed', async () => {
    const step = (await report()).programs.find((p) => p.toolId === 'anydesk')?.steps.find((s) => s.kind === 'tell-helper');
    expect(step?.words).toContain('sudo apt remove anydesk');
    const statusBefore = fs.readFileSync(path.join(tree.root, 'var/lib/dpkg/status'), 'utf8');
    const run = await pauseguard(['clean-up', '--step', step?.id ?? '', '--pin', '2468', ...inTree()]);
    expect(run).toMatchObject({ code: 0, stdout: 'Your family was told that you need help to remove AnyDesk. Read them the words above when they call.\n' });
    expect(fs.readFileSync(path.join(tree.root, 'var/lib/dpkg/status'), 'utf8')).toBe(statusBefore);
    expect((await journalOf(dataDir)).filter((r) => r.type === 'clean-up').at(-1)).toMatchObject({ toolId: 'anydesk', step: 'tell-helper', ok: true });
    expect(ntfyTitles(ntfy.received)).toContain("Margaret's PC: help is needed to remove AnyDesk");
  });

  it('asks once more before switching off a program that is running now', async () => {
    runTracked(children, fakeTool(programs, 'rustdesk'), ['60']);
    const r = await report();
    expect(r.programs.find((p) => p.toolId === 'rustdesk')?.running).toBe(true);
    const step = stepOf(r, 'rustdesk', 'disable-user-unit');
    const link = path.join(tree.home, '.config/systemd/user/default.target.wants/support-helper.service');
    const first = await pauseguard(['clean-up', '--step', step?.id ?? '', '--pin', '2468', ...inTree()]);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('RustDesk is running right now. If someone is connected to this computer, they will be cut off. Are you sure? To go ahead anyway, add --running-too.\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    const sure = await pauseguard(['clean-up', '--step', step?.id ?? '', '--pin', '2468', '--running-too', ...inTree()]);
    expect(sure).toMatchObject({ code: 0, stdout: 'RustDesk will no longer start by itself when you log in (support-helper.service is switched off).\n' });
    expect(fs.existsSync(link)).toBe(false);
    // The unit's own file stays: only the link that enabled it went.
    expect(fs.existsSync(path.join(tree.home, '.config/systemd/user/support-helper.service'))).toBe(true);
  });

  it('never touches a trusted program, even with a step id from before it was trusted', async () => {
    const step = stepOf(await report(), 'x11vnc', 'hide-autostart');
    const trust = await pauseguard(['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--ntfy-url', `${ntfy.url}/pg-family`, '--pin-current', '2468', '--trust', 'x11vnc:dave-laptop']);
    expect(trust.code).toBe(0);
    const r = await report();
    expect(r.programs.find((p) => p.toolId === 'x11vnc')).toMatchObject({ trusted: true, steps: [] });
    const tried = await pauseguard(['clean-up', '--step', step?.id ?? '', '--pin', '2468', ...inTree()]);
    expect(tried.code).toBe(1);
    expect(fs.readFileSync(path.join(tree.home, '.config/autostart/x11vnc.desktop'), 'utf8')).not.toContain('Hidden');
  });
});
