// CPU of a Windows probe under Wine, read from the Linux side: its node.exe (with what it reaped) and the prefix's
// wineserver, which serves every Win32 call; over windows the probe marks with files beside its report.
import fs from 'node:fs';
import path from 'node:path';
import { CLOCK_TICKS_PER_SECOND, parseProcStat } from '../../electron/guardian/watchers/processes/procStat';

/** CPU ms of one Linux process, its reaped children included; 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    if (!stat) return 0;
    return ((stat.userTicks + stat.systemTicks + stat.childUserTicks + stat.childSystemTicks) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The wineserver serving this prefix, found by the WINEPREFIX in its environment. */
export function wineserverOf(prefix: string): number | null {
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!fs.readFileSync(`/proc/${name}/comm`, 'utf8').startsWith('wineserver')) continue;
      if (fs.readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`WINEPREFIX=${prefix}`)) return Number(name);
    } catch {
      // gone, or not ours to read
    }
  }
  return null;
}

export async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`The Windows probe did not write ${path.basename(file)} within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** CPU of node.exe and the wineserver between the probe's `name`-start and `name`-end files. */
export async function cpuWindow(reportFile: string, name: string, nodePid: number, server: number | null): Promise<{ node: number; wineserver: number }> {
  await waitForFile(`${reportFile}.${name}-start`, 300_000);
  const before = { node: cpuMs(nodePid), server: server === null ? 0 : cpuMs(server), at: performance.now() };
  await waitForFile(`${reportFile}.${name}-end`, 60_000);
  const wallMs = performance.now() - before.at;
  const serverMs = server === null ? Number.NaN : cpuMs(server) - before.server;
  return { node: ((cpuMs(nodePid) - before.node) / wallMs) * 100, wineserver: (serverMs / wallMs) * 100 };
}
