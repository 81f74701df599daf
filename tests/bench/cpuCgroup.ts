// A cgroup (v1 cpuacct) that counts the CPU of a process and everything it starts, including grandchildren that are
// re-parented away (Wine starts each Windows process that way). Null where the machine has no writable cpuacct.
import fs from 'node:fs';
import path from 'node:path';

const CPUACCT = '/sys/fs/cgroup/cpuacct';

export interface CpuCgroup {
  /** Where processes are put: write a pid into `${dir}/cgroup.procs`. */
  readonly dir: string;
  /** CPU time used by every task ever in it, in nanoseconds. */
  usageNs(): number;
  /** Removes the group once its tasks are gone (waits up to 5 s for the last to be reaped). */
  remove(): Promise<void>;
}

export function createCpuCgroup(name: string): CpuCgroup | null {
  const dir = path.join(CPUACCT, `${name}-${process.pid}`);
  try {
    fs.mkdirSync(dir);
  } catch {
    return null;
  }
  return {
    dir,
    usageNs: () => Number(fs.readFileSync(path.join(dir, 'cpuacct.usage'), 'utf8')),
    async remove() {
      for (let tries = 0; tries < 50; tries++) {
        try {
          fs.rmdirSync(dir);
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      throw new Error(`The benchmark's cgroup ${dir} still has processes in it.`);
    },
  };
}
