import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import type { Watcher } from '../../../../../electron/guardian/watchers/watcher';
import { createMacSessionWatcher } from '../../../../../electron/guardian/watchers/sessions/macSessionWatcher';
import type { DetectionEvent } from '../../../../../shared/events';
import { fixtureText } from './fixtureLines';
import { rustDeskLine } from '../../../../fixtures/sessionLines';

const catalog = loadCatalog();
let watcher: Watcher | null = null;
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
});

describe('macOS session watcher', () => {
  it('reports inbound Screen Sharing and Remote Management sessions from netstat, and their end', async () => {
    // netstat's macOS output exists only on a Mac: the runner hands out fixture output, the last one repeating.
    const outputs = [fixtureText('netstat-anv-process.txt'), fixtureText('netstat-anv-process.txt'), fixtureText('netstat-an.txt')];
    const calls: string[] = [];
    const events: DetectionEvent[] = [];
    watcher = createMacSessionWatcher({
      catalog,
      pollMs: 30,
      home: path.join(os.tmpdir(), 'pg-home-none'),
      runCommand: async (file, args) => {
        calls.push([file, ...args].join(' '));
        return outputs.length > 1 ? outputs.shift()! : outputs[0]!;
      },
    });
    await watcher.start((event) => events.push(event));
    expect(calls[0]).toBe('netstat -anv -p tcp');
    expect(events).toEqual([
      expect.objectContaining({ type: 'session-started', kind: 'netstat', toolId: 'macos-screen-sharing', name: 'macOS Screen Sharing', remoteAddress: '198.51.100.35', pid: 412, initial: true }),
      expect.objectContaining({ type: 'session-started', toolId: 'apple-remote-desktop', remoteAddress: '2001:db8::99', pid: 377, initial: true }),
    ]);
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'session-ended')).toHaveLength(2), { timeout: 3000 });
    expect(events.filter((e) => e.type === 'session-started' && !e.initial)).toEqual([
      expect.objectContaining({ remoteAddress: '198.51.100.37', pid: null }),
    ]);
  });

  it('falls back to netstat -an, and says once when netstat cannot run at all', async () => {
    const events: DetectionEvent[] = [];
    const calls: string[] = [];
    watcher = createMacSessionWatcher({
      catalog,
      pollMs: 20,
      home: path.join(os.tmpdir(), 'pg-home-none'),
      runCommand: async (file, args) => {
        calls.push([file, ...args].join(' '));
        throw new Error('netstat: not found');
      },
    });
    await watcher.start((event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.slice(0, 2)).toEqual(['netstat -anv -p tcp', 'netstat -an -p tcp']);
    expect(events).toEqual([{ type: 'watcher-failed', watcher: 'sessions', message: 'Pause Guard could not run netstat, so Screen Sharing connections cannot be seen.' }]);
  });

  it('follows a RustDesk session in ~/Library/Logs/RustDesk/server', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-home-'));
    const log = path.join(home, 'Library', 'Logs', 'RustDesk', 'server', 'rustdesk_rCURRENT.log');
    await fs.mkdir(path.dirname(log), { recursive: true });
    await fs.writeFile(log, '');
    const events: DetectionEvent[] = [];
    watcher = createMacSessionWatcher({ catalog, pollMs: 20, home, toolProcesses: async () => ({ running: true, startedAt: null }), runCommand: async () => fixtureText('netstat-an.txt') });
    try {
      await watcher.start((event) => events.push(event));
      await fs.appendFile(log, rustDeskLine('DEBUG', '#3 Connection opened from 198.51.100.40:50123.'));
      await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-started', kind: 'log', toolId: 'rustdesk', remoteAddress: '198.51.100.40' })));
      await fs.appendFile(log, rustDeskLine('INFO', '#3 Connection closed: Closed manually by the peer'));
      await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-ended', toolId: 'rustdesk' })));
    } finally {
      await fs.rm(home, { recursive: true, force: true });
    }
  });
});
