// The IPC transport: every handler refuses hostile senders (a table of them), parses input and output, and events are checked.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, methodNames } from '../../../shared/api';
import type { AppPages } from '../../../electron/appPages';
import { fakeHandlers } from './fakeHandlers';
import { protectedStatus } from './fakeStatus';

const registered = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, handler: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => registered.delete(channel)),
  },
}));

const { registerIpcHandlers, sendEvent, senderProblem } = await import('../../../electron/ipc');

const APP_PAGE = 'file:///opt/pause-guard/out/renderer/index.html';
const files: AppPages = { kind: 'files', rendererDir: '/opt/pause-guard/out/renderer' };
const OUR_ID = 7;

type FrameShape = { url: string; parent: object | null; processId: number; routingId: number };
const mainFrameOf = (url: string): FrameShape => ({ url, parent: null, processId: 4, routingId: 1 });

function invokeEvent(options: { senderId?: number; frame?: FrameShape | null; mainFrame?: FrameShape } = {}): IpcMainInvokeEvent {
  const mainFrame = options.mainFrame ?? mainFrameOf(APP_PAGE);
  const frame = options.frame === undefined ? mainFrame : options.frame;
  return { sender: { id: options.senderId ?? OUR_ID, mainFrame }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const policy = { pages: files, isTrustedSender: (contents: WebContents) => contents.id === OUR_ID };

const hostileSenders: Array<[string, IpcMainInvokeEvent, string]> = [
  ['a null senderFrame', invokeEvent({ frame: null }), 'the page that asked has gone'],
  ['a webContents we did not create', invokeEvent({ senderId: 99 }), 'the request came from a window Pause Guard did not create'],
  [
    'a sub-frame of our page',
    invokeEvent({ frame: { url: 'https://evil.example/frame.html', parent: {}, processId: 9, routingId: 3 } }),
    'the request came from a frame inside the page, not the page itself',
  ],
  [
    'an iframe on our own window showing our own page',
    invokeEvent({ frame: { url: APP_PAGE, parent: {}, processId: 4, routingId: 2 } }),
    'the request came from a frame inside the page, not the page itself',
  ],
  [
    'a top-level frame that is not the main frame of the sender',
    invokeEvent({ frame: { url: APP_PAGE, parent: null, processId: 5, routingId: 1 } }),
    'the request came from a frame inside the page, not the page itself',
  ],
  ['http://evil.example', invokeEvent({ mainFrame: mainFrameOf('http://evil.example/') }), 'the request came from a page that is not part of Pause Guard'],
  ['file:///etc/passwd', invokeEvent({ mainFrame: mainFrameOf('file:///etc/passwd') }), 'the request came from a page that is not part of Pause Guard'],
  [
    'a file beside the renderer folder',
    invokeEvent({ mainFrame: mainFrameOf('file:///opt/pause-guard/out/main/main.js') }),
    'the request came from a page that is not part of Pause Guard',
  ],
  [
    'devtools://',
    invokeEvent({ mainFrame: mainFrameOf('devtools://devtools/bundled/inspector.html') }),
    'the request came from a page that is not part of Pause Guard',
  ],
  ['about:blank', invokeEvent({ mainFrame: mainFrameOf('about:blank') }), 'the request came from a page that is not part of Pause Guard'],
  [
    'chrome-extension://',
    invokeEvent({ mainFrame: mainFrameOf('chrome-extension://abcdefghijklmnop/popup.html') }),
    'the request came from a page that is not part of Pause Guard',
  ],
  [
    'a data: URL',
    invokeEvent({ mainFrame: mainFrameOf('data:text/html,<script>pauseGuard.getStatus()</script>') }),
    'the request came from a page that is not part of Pause Guard',
  ],
  [
    'the dev server origin in a release',
    invokeEvent({ mainFrame: mainFrameOf('http://localhost:5173/') }),
    'the request came from a page that is not part of Pause Guard',
  ],
];

describe('registerIpcHandlers', () => {
  const handlers = fakeHandlers();
  let unregister: () => void;

  beforeEach(() => {
    for (const handler of Object.values(handlers)) handler.mockClear();
    unregister = registerIpcHandlers(handlers, policy);
  });
  afterEach(() => unregister());

  it('registers exactly one handler per contract method, on its own channel', () => {
    expect([...registered.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
  });

  it('answers our own page', async () => {
    await expect(registered.get(channelOf('getStatus'))?.(invokeEvent(), undefined)).resolves.toEqual(protectedStatus);
    await expect(
      registered.get(channelOf('getStatus'))?.(invokeEvent({ mainFrame: mainFrameOf(`${APP_PAGE}#/dashboard`) }), undefined),
    ).resolves.toEqual(protectedStatus);
  });

  describe.each(methodNames)('%s', (name) => {
    it.each(hostileSenders)('refuses %s', async (_what, event, reason) => {
      const input = name === 'openExternalLink' ? { url: 'https://www.garda.ie/' } : undefined;
      await expect(registered.get(channelOf(name))?.(event, input)).rejects.toThrow(`Refused "${name}": ${reason}.`);
      expect(handlers.getStatus).not.toHaveBeenCalled();
      expect(handlers.openExternalLink).not.toHaveBeenCalled();
      expect(handlers.getInterruption).not.toHaveBeenCalled();
      expect(handlers.choose).not.toHaveBeenCalled();
      expect(handlers.closeInterruption).not.toHaveBeenCalled();
      expect(handlers.confirmProtectedAction).not.toHaveBeenCalled();
    });
  });

  it.each([null, {}, { url: 42 }, { url: 'javascript alert(1)' }, 'https://www.garda.ie/'])(
    'refuses openExternalLink with %j from our own page without calling the handler',
    async (input) => {
      await expect(registered.get(channelOf('openExternalLink'))?.(invokeEvent(), input)).rejects.toThrow(
        /^"openExternalLink" was called with input Pause Guard cannot accept/,
      );
      expect(handlers.openExternalLink).not.toHaveBeenCalled();
    },
  );

  it('refuses an answer that breaks the contract', async () => {
    handlers.getStatus.mockResolvedValueOnce({ ...protectedStatus, watchers: 'all fine' } as never);
    await expect(registered.get(channelOf('getStatus'))?.(invokeEvent(), undefined)).rejects.toThrow(/^"getStatus" produced an answer/);
  });

  it('removes every handler when unregistered', () => {
    unregister();
    expect(registered.size).toBe(0);
    unregister = registerIpcHandlers(handlers, policy);
  });
});

describe('senderProblem under the dev server', () => {
  const devPolicy = { pages: { kind: 'devServer', origin: 'http://localhost:5173' } as AppPages, isTrustedSender: () => true };

  it('accepts the dev server page and refuses another port or a file', () => {
    expect(senderProblem(invokeEvent({ mainFrame: mainFrameOf('http://localhost:5173/') }), devPolicy)).toBeNull();
    expect(senderProblem(invokeEvent({ mainFrame: mainFrameOf('http://localhost:5174/') }), devPolicy)).not.toBeNull();
    expect(senderProblem(invokeEvent({ mainFrame: mainFrameOf(APP_PAGE) }), devPolicy)).not.toBeNull();
  });
});

describe('sendEvent', () => {
  const page = (destroyed = false) => ({ isDestroyed: vi.fn(() => destroyed), send: vi.fn() });

  it('sends a checked payload on the event channel', () => {
    const contents = page();
    sendEvent(contents as unknown as WebContents, 'status', protectedStatus);
    expect(contents.send).toHaveBeenCalledExactlyOnceWith('pause-guard:status', protectedStatus);
  });

  it('refuses a payload that breaks the contract and sends nothing', () => {
    const contents = page();
    expect(() => sendEvent(contents as unknown as WebContents, 'status', { state: 'fine' } as never)).toThrow(/"status" event/);
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('sends nothing to a page that is gone', () => {
    const contents = page(true);
    sendEvent(contents as unknown as WebContents, 'status', protectedStatus);
    expect(contents.send).not.toHaveBeenCalled();
  });
});
