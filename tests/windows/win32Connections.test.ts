// The Windows connection readers under Wine, for real: GetExtendedTcpTable shows a listening socket and a connection
// node.exe made (Wine 8 reports owner pid 0: the pid is checked on fixtures), and the WTS API's answer, whatever it is,
// is read without a throw or a problem reported.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TCP_ESTABLISHED, TCP_LISTEN } from '../../electron/guardian/watchers/sessions/procNetTcp';
import type { OwnedTcpSocket } from '../../electron/guardian/watchers/sessions/win32TcpTable';
import { bundleForWindows } from '../../scripts/windows/buildWindowsCli';
import { bedPaths } from '../../scripts/windows/windowsBed';
import { startWineBed, type WineBed } from './wineHarness';

let bed: WineBed;
const probe = path.join(bedPaths.cliDir, 'win32-probe.mjs');

beforeAll(async () => {
  bed = await startWineBed();
  await bundleForWindows('tests/windows/fixtures/win32Probe.ts', probe);
});
afterAll(() => bed?.stop());

async function runProbe<T>(mode: string): Promise<T> {
  const report = `${bed.folders.appData}\\probe-${mode}.json`;
  const { code, stderr } = await bed.runNode([probe, report, mode]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const result = JSON.parse(fs.readFileSync(bed.toLinux(report), 'utf8')) as T & { error?: string };
  expect(result.error).toBeUndefined();
  return result;
}

describe('Windows connection readers under Wine', () => {
  it('reads the listening socket and both ends of a connection from the TCP table', async () => {
    const result = await runProbe<{ port: number; port6: number; clientPort: number; pid: number; sockets: OwnedTcpSocket[] }>('tcp');
    const { port, clientPort } = result;
    expect(result.sockets).toContainEqual(expect.objectContaining({ state: TCP_LISTEN, localAddress: '0.0.0.0', localPort: port }));
    expect(result.sockets).toContainEqual(
      expect.objectContaining({ state: TCP_ESTABLISHED, localAddress: '127.0.0.1', localPort: port, remoteAddress: '127.0.0.1', remotePort: clientPort }),
    );
    expect(result.sockets).toContainEqual(
      expect.objectContaining({ state: TCP_ESTABLISHED, localAddress: '127.0.0.1', localPort: clientPort, remoteAddress: '127.0.0.1', remotePort: port }),
    );
    expect(result.sockets).toContainEqual(expect.objectContaining({ state: TCP_LISTEN, localAddress: '::', localPort: result.port6, remoteAddress: '::' }));
    // Wine 8 says 0 for most owners (the listening and accepted sockets); Windows says the pid.
    for (const socket of result.sockets) expect([0, result.pid]).toContain(socket.ownerPid);
  });

  it('reads whatever the WTS API answers without a throw, and the session watcher\'s readers report no problem', async () => {
    const result = await runProbe<{ sessions: unknown[]; remote: unknown[]; problems: string[]; events: unknown[] }>('wts');
    expect(Array.isArray(result.sessions)).toBe(true);
    expect(result.remote).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.events).toEqual([]);
  });
});
