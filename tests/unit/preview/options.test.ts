// The preview's command line: options read as given, and every mistake refused with one plain sentence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../../../electron/cli/usageError';
import { parsePreviewOptions } from '../../../electron/preview/options';

describe('parsePreviewOptions', () => {
  it('defaults to a fresh data folder, the usual downloads and a free port', () => {
    expect(parsePreviewOptions([])).toEqual({ dataDir: null, downloads: null, port: 0, processesIn: null, checkRoot: null, checkHome: null });
  });

  it('reads --data-dir, every --downloads, --port, --processes-in, --check-root and --check-home', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-preview-options-'));
    try {
      fs.mkdirSync(path.join(dir, 'a'));
      fs.mkdirSync(path.join(dir, 'b'));
      expect(parsePreviewOptions(['--data-dir', 'd', '--downloads', path.join(dir, 'a'), `--downloads=${dir}/b`, '--port', '8123', '--processes-in', dir, '--check-root', path.join(dir, 'a'), '--check-home', path.join(dir, 'b')])).toEqual({
        dataDir: path.resolve('d'),
        downloads: [path.join(dir, 'a'), path.join(dir, 'b')],
        port: 8123,
        processesIn: dir,
        checkRoot: path.join(dir, 'a'),
        checkHome: path.join(dir, 'b'),
      });
      expect(() => parsePreviewOptions(['--downloads', path.join(dir, 'missing')])).toThrow(
        `The downloads folder ${path.join(dir, 'missing')} does not exist.`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--porrt', '1'], 'That is not an option the preview knows.'],
    [['--port'], 'An option is missing its value.'],
    [['scan'], 'The preview takes only options, not words on their own.'],
    [['--port', '0'], '"0" is not a port number; use a number from 1 to 65535.'],
    [['--port', '65536'], '"65536" is not a port number'],
    [['--port', '80a'], '"80a" is not a port number'],
    [['--port', '-1'], 'An option is missing its value.'],
  ])('refuses %j in plain words', (argv, sentence) => {
    expect(() => parsePreviewOptions(argv)).toThrow(UsageError);
    expect(() => parsePreviewOptions(argv)).toThrow(sentence);
  });
});
