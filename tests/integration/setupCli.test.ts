// `setup --non-interactive` through npm exactly as scripts call it: settings written, plain lines with no secrets,
// exit 2 for mistakes, exit 1 for a wrong PIN. Needs the setup command in electron/cli/commands.ts.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../shared/settings';
import { childPaced } from '../fixtures/childReports';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-setup-cli-'));
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function pauseguard(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npm', ['run', '--silent', 'pauseguard', '--', ...args, '--data-dir', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

// Each test runs the CLI to its exit: no budget, which would count the start of npm and tsx.
describe('pauseguard setup', childPaced, () => {
  it('writes the settings and prints what it set, never the PIN or a secret', async () => {
    const result = await pauseguard([
      'setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--contact-phone', '07700 900123',
      '--contact-email', 'dave@example.com', '--smtp-url', 'smtps://dave:s3cret-pass@smtp.example.com:465',
      '--ntfy-url', 'https://ntfy.sh/pg-family-7f3a9c', '--webhook-url', 'https://hooks.example.net/T0K3N',
      '--webhook-secret', 'sixteen-chars-secret', '--pin', '482193', '--region', 'GB',
      '--trust', 'anydesk:123 456 789', '--trust', 'rustdesk:987654321',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      `Settings saved in ${path.join(dataDir, 'settings.json')}.`,
      'This computer belongs to: Margaret.',
      'Trusted contact: Dave.',
      'Phone number shown on the warning screen: 07700 900123.',
      'Alerts by email to dave@example.com, sent through smtp.example.com:465.',
      'Push alerts through ntfy at https://ntfy.sh.',
      'Alerts posted to a webhook at hooks.example.net, signed with the secret given.',
      'Family PIN: set.',
      'Region: United Kingdom (GB).',
      'Trusted helper: AnyDesk 123456789.',
      'Trusted helper: RustDesk 987654321.',
      'Start at login: on.',
      'Weekly summary to Dave: Sunday at 18:00.',
    ]);
    for (const secret of ['482193', 's3cret-pass', 'sixteen-chars-secret', 'T0K3N', 'pg-family-7f3a9c']) expect(result.stdout).not.toContain(secret);
    const settings = SettingsSchema.parse(JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')));
    expect(settings).toMatchObject({ person: 'Margaret', region: 'GB', setupComplete: true, startAtLogin: true });
    expect(settings.pin).not.toBeNull();
  });

  it('refuses a wrong current PIN with exit 1 and one plain sentence, changing nothing', async () => {
    const before = await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8');
    const result = await pauseguard(['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--region', 'US', '--pin-current', '1111']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute. Nothing was changed.\n');
    expect(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('changes settings with the right current PIN', async () => {
    const result = await pauseguard(['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--region', 'US', '--pin-current', '482193']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Region: United States (US).');
  });

  it('explains an unknown tool in one plain sentence and exits 2', async () => {
    const result = await pauseguard(['setup', '--non-interactive', '--person', 'M', '--contact-name', 'D', '--trust', 'anydesc:1', '--pin-current', '482193']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^--trust: "anydesc" is not a tool Pause Guard knows\. Some it knows: anydesk, /);
  });

  it('without --non-interactive points to the setup window and exits 2', async () => {
    const result = await pauseguard(['setup', '--person', 'M', '--contact-name', 'D']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('The interactive setup is the Pause Guard app\'s setup window. To write the settings from a script, add --non-interactive.\n');
  });
});
