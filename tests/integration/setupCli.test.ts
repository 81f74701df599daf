// `setup --non-interactive` through npm exactly as scripts call it: settings written, plain lines with no secrets, the
// family told (real ntfy, webhook and mail servers on 127.0.0.1), exit 2 for mistakes, exit 1 for a wrong PIN.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../shared/settings';
import { startReceiver, type Receiver } from './alerts/receiver';
import { startSmtpReceiver, type SmtpReceiver } from './alerts/smtpReceiver';
import { childPaced } from '../fixtures/childReports';
import { runPauseguard } from '../fixtures/cliRun';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let ntfy: Receiver;
let hook: Receiver;
let mail: SmtpReceiver;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-setup-cli-'));
  ntfy = await startReceiver(() => 200);
  hook = await startReceiver(() => 200);
  mail = await startSmtpReceiver({ user: 'dave@example.com', password: 's3cret-pass' });
});
afterAll(async () => {
  await Promise.all([ntfy.close(), hook.close(), mail.close()]);
  await fs.rm(dataDir, { recursive: true, force: true });
});

const pauseguard = (args: string[]) => runPauseguard(args, dataDir);

// Each test runs the CLI to its exit: no budget, which would count the start of npm and tsx.
describe('pauseguard setup', childPaced, () => {
  it('writes the settings and prints what it set, never the PIN or a secret', async () => {
    const result = await pauseguard([
      'setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--contact-phone', '07700 900123',
      '--contact-email', 'dave@example.com', '--smtp-url', `smtp://dave%40example.com:s3cret-pass@127.0.0.1:${mail.port}/?tls=off`,
      '--ntfy-url', `${ntfy.url}/pg-family-7f3a9c`, '--webhook-url', `${hook.url}/T0K3N`,
      '--webhook-secret', 'sixteen-chars-secret', '--pin', '482193', '--region', 'GB',
      '--trust', 'anydesk:123 456 789', '--trust', 'rustdesk:987654321',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(13).sort()).toEqual(['Dave was told by email.', 'Dave was told by ntfy.', 'Dave was told by webhook.']);
    expect(lines.slice(0, 13)).toEqual([
      `Settings saved in ${path.join(dataDir, 'settings.json')}.`,
      'This computer belongs to: Margaret.',
      'Trusted contact: Dave.',
      'Phone number shown on the warning screen: 07700 900123.',
      `Alerts by email to dave@example.com, sent through 127.0.0.1:${mail.port}.`,
      `Push alerts through ntfy at ${ntfy.url}.`,
      `Alerts posted to a webhook at 127.0.0.1:${hook.port}, signed with the secret given.`,
      'Family PIN: set.',
      'Region: United Kingdom (GB).',
      'Trusted helper: AnyDesk 123456789.',
      'Trusted helper: RustDesk 987654321.',
      'Start at login: on.',
      'Weekly summary to Dave: Sunday at 6:00 pm.',
    ]);
    for (const secret of ['482193', 's3cret-pass', 'sixteen-chars-secret', 'T0K3N', 'pg-family-7f3a9c']) expect(result.stdout).not.toContain(secret);
    const settings = SettingsSchema.parse(JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')));
    expect(settings).toMatchObject({ person: 'Margaret', region: 'GB', setupComplete: true, startAtLogin: true });
    expect(settings.pin).not.toBeNull();
  });

  it('refuses a wrong current PIN with exit 1 and one plain sentence, changing nothing, and tells the family', async () => {
    const before = await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8');
    const result = await pauseguard(['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--region', 'US', '--pin-current', '1111']);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stdout.trim().split('\n').sort()).toEqual(['Dave was told by email.', 'Dave was told by ntfy.', 'Dave was told by webhook.']);
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

  it('refuses a mail server with no login and no sender, as the window does: exit 2, one sentence, nothing saved', async () => {
    const fresh = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-setup-cli-relay-'));
    try {
      const child = spawn('npm', ['run', '--silent', 'pauseguard', '--', 'setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Sam',
        '--contact-email', 'sam@example.test', '--smtp-url', 'smtp://127.0.0.1:2525/?tls=off', '--pin', '2468', '--data-dir', fresh], { cwd: repoRoot });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
      expect(stderr).toBe('--smtp-from: This mail server address has no email login to send from, so please write the address the alerts are sent from.\n');
      await expect(fs.access(path.join(fresh, 'settings.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await fs.rm(fresh, { recursive: true, force: true });
    }
  });

  it('without --non-interactive points to the setup window and exits 2', async () => {
    const result = await pauseguard(['setup', '--person', 'M', '--contact-name', 'D']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('The interactive setup is the Pause Guard app\'s setup window. To write the settings from a script, add --non-interactive.\n');
  });
});
