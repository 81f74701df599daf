// Finds the catalog's session logs on this computer (a path, or a folder and a file-name pattern, files that appear
// later) and tails each with its tool's parser, handing over every change a line says with the file it came from.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import { readAnyDeskConnectionTraceLine, readAnyDeskTraceLine } from './anyDeskTrace';
import type { LogLineReader, LogSessionChange } from './logSessionChange';
import { createLogTailer, type LogTailer } from './logTailer';
import { createRustDeskLogReader } from './rustDeskLog';
import { readTeamViewerIncomingLine } from './teamViewerIncoming';
import { createTeamViewerLogReader } from './teamViewerLog';
import { readUltraViewerLine } from './ultraViewerLog';

type LogFormat = RemoteTool['sessionLogs'][number]['format'];

const READERS: Record<LogFormat, () => LogLineReader> = {
  'teamviewer-incoming': () => readTeamViewerIncomingLine,
  'teamviewer-log': createTeamViewerLogReader,
  'anydesk-connection-trace': () => readAnyDeskConnectionTraceLine,
  'anydesk-trace': () => readAnyDeskTraceLine,
  ultraviewer: () => readUltraViewerLine,
  rustdesk: createRustDeskLogReader,
};

export interface ToolLogFilesOptions {
  catalog: Pick<Catalog, 'tools'>;
  /** Turns a catalog path into a path on this computer, or null when this platform does not read it. */
  resolvePath(template: string): string | null;
  /** Bytes at the end of each log there at the first look, read to find a session already under way. */
  historyBytes: number;
  /** Each change a log line says, with its tool and file. */
  onChange(tool: RemoteTool, filePath: string, change: LogSessionChange): void;
  /** Tells of a log that cannot be read, or a part of one that is not text (each kind said once by the caller). */
  onProblem(kind: string, message: string): void;
}

export interface ToolLogFiles {
  /** Starts following logs that are there now; at the first look, those already there are read from their recent history. */
  findNew(firstLook: boolean): Promise<void>;
  /** Reads what is new in every log followed. */
  read(): Promise<void>;
  /** The tools with a log followed. */
  tools(): RemoteTool[];
  /** When a log there at the first look was last written (ms): lines with no date of their own are judged by it. */
  writtenBeforeStart(filePath: string): number | undefined;
}

interface LogSource {
  tool: RemoteTool;
  format: LogFormat;
  /** A path, or a folder and a file-name pattern (TeamViewer*_Logfile.log). */
  filePath: string;
}

/**
 * A line holding bytes that are not text (a zero byte, or what could not be decoded: U+FFFD), other than a line of
 * nothing but zero bytes and spaces (a file's unwritten end after a crash, nothing lost in it).
 */
function isUnreadable(line: string): boolean {
  return (line.includes('\0') || line.includes('\uFFFD')) && line.replaceAll('\0', '').trim() !== '';
}

/** The Linux and macOS logs: catalog paths starting with ~/, under the person's home folder. */
export function homeLogPath(home: string): (template: string) => string | null {
  return (template) => (template.startsWith('~/') ? path.join(home, template.slice(2)) : null);
}

function wildcardName(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}

export function createToolLogFiles(options: ToolLogFilesOptions): ToolLogFiles {
  const tailers = new Map<string, { tailer: LogTailer; source: LogSource }>();
  const writtenAt = new Map<string, number>();
  /** Read from the catalog at every look, so a catalog updated while running adds its new log paths at the next pass. */
  const sources = (): LogSource[] => options.catalog.tools.flatMap((tool) =>
    tool.sessionLogs.flatMap((log) => log.paths.flatMap((template) => {
      const filePath = options.resolvePath(template);
      return filePath === null ? [] : [{ tool, format: log.format, filePath }];
    })),
  );

  async function resolveFiles(source: LogSource): Promise<string[]> {
    const dir = path.dirname(source.filePath);
    const base = path.basename(source.filePath);
    if (!/[*?]/.test(base)) return [source.filePath];
    try {
      const pattern = wildcardName(base);
      const names = await fs.readdir(dir);
      return names.filter((name) => pattern.test(name)).map((name) => path.join(dir, name));
    } catch {
      return []; // the folder is not there: the tool is not installed
    }
  }

  function follow(source: LogSource, filePath: string, firstLook: boolean): void {
    const reader = READERS[source.format]();
    const tailer = createLogTailer({
      path: filePath,
      // A log that appears after start-up (a matching file created later) is new from its first byte.
      fromStart: !firstLook,
      historyBytes: options.historyBytes,
      onLines: (lines) => {
        for (const line of lines) {
          if (isUnreadable(line)) {
            options.onProblem(`text:${filePath}`, `Part of ${filePath} is not text Pause Guard can read, so a session written there could be missed.`);
          }
          const change = reader(line);
          if (change) options.onChange(source.tool, filePath, change);
        }
      },
      onProblem: (message) => options.onProblem(`log:${filePath}`, message),
    });
    tailers.set(filePath, { tailer, source });
  }

  return {
    async findNew(firstLook) {
      for (const source of sources()) {
        for (const filePath of await resolveFiles(source)) {
          if (tailers.has(filePath)) continue;
          if (firstLook) {
            const modified = await fs.stat(filePath).then((stat) => stat.mtimeMs, () => null);
            if (modified !== null) writtenAt.set(filePath, modified);
          }
          follow(source, filePath, firstLook);
        }
      }
    },
    async read() {
      for (const { tailer } of tailers.values()) await tailer.poll();
    },
    tools: () => [...new Set([...tailers.values()].map(({ source }) => source.tool))],
    writtenBeforeStart: (filePath) => writtenAt.get(filePath),
  };
}
