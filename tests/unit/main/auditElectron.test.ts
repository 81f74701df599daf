// The Electron audit: which inline silences are allowed, and that a real electronegativity scan catches an insecure window.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { blockingFindings, findingsTable, scan, silenceProblems } from '../../../scripts/audit-electron';

const marker = ['eng', 'disable'].join('-');

describe('silenceProblems', () => {
  it('accepts the two manual-review checks with a reason', () => {
    const text = `// first line\nconst a = 1; // ${marker} PRELOAD_JS_CHECK reviewed: exposes the contract only\nx.on('will-navigate', f); /* ${marker} LIMIT_NAVIGATION_JS_CHECK refuses all */`;
    expect(silenceProblems('a.ts', text)).toEqual([]);
  });

  it.each([
    [`// ${marker} SANDBOX_JS_CHECK it is fine`, 'only PRELOAD_JS_CHECK and LIMIT_NAVIGATION_JS_CHECK may be silenced, not SANDBOX_JS_CHECK'],
    [`// ${marker} sandboxJSCheck`, 'only PRELOAD_JS_CHECK and LIMIT_NAVIGATION_JS_CHECK may be silenced, not sandboxJSCheck'],
    [`<!-- ${marker} CSP_HTML_CHECK -->`, 'only PRELOAD_JS_CHECK and LIMIT_NAVIGATION_JS_CHECK may be silenced, not CSP_HTML_CHECK'],
    [`// ${marker} PRELOAD_JS_CHECK`, 'silencing PRELOAD_JS_CHECK needs a one-line reason after it'],
    [`// ${marker} PRELOAD_JS_CHECK OPEN_EXTERNAL_JS_CHECK because`, 'one check per silence: PRELOAD_JS_CHECK, OPEN_EXTERNAL_JS_CHECK'],
    [`//${marker}   `, 'only PRELOAD_JS_CHECK and LIMIT_NAVIGATION_JS_CHECK may be silenced, not nothing'],
  ])('refuses %s', (comment, problem) => {
    expect(silenceProblems('a.ts', `// first line\nconst a = 1; ${comment}`)).toEqual([{ file: 'a.ts', line: 2, problem }]);
  });

  it('refuses a silence on the first line, which would cover the whole file', () => {
    expect(silenceProblems('a.ts', `// ${marker} PRELOAD_JS_CHECK whole file\n`)).toEqual([
      { file: 'a.ts', line: 1, problem: 'a silence on the first line would silence the whole file' },
    ]);
  });
});

describe('scan (electronegativity for real)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pause-guard-audit-'));
    await fs.writeFile(
      path.join(dir, 'insecure.ts'),
      "// An insecure window.\nimport { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { sandbox: false, contextIsolation: false } });\n",
    );
    // The one place any window of the app is constructed: every window's options are read here.
    await fs.copyFile(path.resolve('electron/windows/webPreferences.ts'), path.join(dir, 'webPreferences.ts'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('fails an insecure window and passes the hardened window builder every app window uses', async () => {
    const result = await scan(dir);
    const blocking = blockingFindings(result.issues);
    const insecure = blocking.filter((f) => f.file === 'insecure.ts').map((f) => f.id);
    expect(insecure).toEqual(expect.arrayContaining(['SANDBOX_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']));
    expect(blocking.filter((f) => f.file === 'webPreferences.ts')).toEqual([]);
    expect(await fs.readFile(path.join(dir, 'webPreferences.ts'), 'utf8')).toContain('new BrowserWindow(');
    expect(findingsTable(blocking)).toMatch(/^SEVERITY +CONFIDENCE +CHECK +WHERE\n/);
  });
});
