// The preview's command line: options read as given, and every mistake refused with one plain sentence.
import path from 'node:path';
import { UsageError } from '../../../electron/cli/usageError';
import { parsePreviewOptions } from '../../../electron/preview/options';

describe('parsePreviewOptions', () => {
  it('defaults to a fresh data folder, the usual downloads and a free port', () => {
    expect(parsePreviewOptions([])).toEqual({ dataDir: null, downloads: null, port: 0 });
  });

  it('reads --data-dir, every --downloads and --port', () => {
    expect(parsePreviewOptions(['--data-dir', 'd', '--downloads', 'a', '--downloads=/b', '--port', '8123'])).toEqual({
      dataDir: path.resolve('d'),
      downloads: [path.resolve('a'), '/b'],
      port: 8123,
    });
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
