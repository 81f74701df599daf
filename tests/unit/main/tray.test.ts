// The tray: one render function for the menu (which items need the PIN, none that quits or pauses by itself), the icon
// and tooltip per state (macOS template icons), redrawn on every update, constructors injected.
import fs from 'node:fs';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { createTrayIcon, renderTrayMenu, trayIconPath, trayMenu, trayTooltips, type TrayEntry, type TrayView } from '../../../electron/tray';

const view: TrayView = { state: 'protected', summary: 'Pause Guard is watching this computer.', windowVisible: false };
const pausedView: TrayView = { state: 'paused', summary: 'Protection is paused until 3:30 PM. It comes back on by itself.', windowVisible: false };

const makeActions = () => ({ toggleWindow: vi.fn(), openPage: vi.fn(), askForPin: vi.fn(), resumeProtection: vi.fn() });

function fakes(platform: NodeJS.Platform = 'linux') {
  const tray = { on: vi.fn(), setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), destroy: vi.fn() };
  const actions = makeActions();
  const image = (path: string) => ({ path, isEmpty: () => path.includes('missing') }) as unknown as NativeImage;
  const options = {
    createTrayInstance: vi.fn((_icon: NativeImage) => tray as unknown as Tray),
    buildMenu: vi.fn((template: MenuItemConstructorOptions[]) => ({ template }) as unknown as Menu),
    loadIcon: vi.fn(image),
    iconsDir: '/app/resources/icons',
    platform,
    actions,
  };
  return { tray, actions, options };
}

/** The menu as a person reads it: labels, submenus indented, separators as ---. */
const outline = (template: MenuItemConstructorOptions[]): unknown[] =>
  template.map((item) => (item.type === 'separator' ? '---' : Array.isArray(item.submenu) ? [item.label, outline(item.submenu)] : item.label));

const flat = (entries: TrayEntry[]): TrayEntry[] => entries.flatMap((e) => (e.kind === 'submenu' ? [e, ...flat(e.entries)] : [e]));

const click = (template: MenuItemConstructorOptions[], id: string): void => {
  const all = template.flatMap((item) => (Array.isArray(item.submenu) ? [item, ...item.submenu] : [item]));
  const found = all.find((item) => item.id === id);
  if (found?.click === undefined) throw new Error(`no clickable item ${id}`);
  found.click({} as never, undefined, {} as never);
};

describe('the tray menu', () => {
  it('has exactly the status line, the pages, pause, Show/Hide and quit, in that order', () => {
    expect(outline(renderTrayMenu(view, makeActions()))).toEqual([
      'Pause Guard is watching this computer.',
      '---',
      "I'm on a call and I'm worried",
      "This week's summary",
      'Check this computer',
      'Settings (PIN)',
      ['Pause protection (PIN)', ['For 1 hour (PIN)', 'For 2 hours (PIN)', 'For 4 hours (PIN)']],
      'Show Pause Guard',
      '---',
      'Quit Pause Guard (PIN)',
    ]);
  });

  it('shows the status sentence as a line that cannot be clicked', () => {
    expect(renderTrayMenu(view, makeActions())[0]).toEqual({ id: 'status', label: 'Pause Guard is watching this computer.', enabled: false });
  });

  it('marks exactly settings, pause and quit as needing the PIN', () => {
    const needing = flat(trayMenu(view)).filter((e) => (e.kind === 'item' || e.kind === 'submenu') && e.needsPin);
    expect(needing.map((e) => (e.kind === 'item' || e.kind === 'submenu' ? e.id : e.kind))).toEqual(['settings', 'pause', 'pause-1h', 'pause-2h', 'pause-4h', 'quit']);
    for (const entry of flat(trayMenu(view))) {
      if (entry.kind === 'item' || entry.kind === 'submenu') expect(entry.label.endsWith('(PIN)')).toBe(entry.needsPin);
    }
  });

  it('asks for the PIN to quit or pause, and never quits or pauses by itself', () => {
    const actions = makeActions();
    const template = renderTrayMenu(view, actions);
    click(template, 'quit');
    click(template, 'pause-1h');
    click(template, 'pause-2h');
    click(template, 'pause-4h');
    expect(actions.askForPin.mock.calls).toEqual([[{ action: 'quit' }], [{ action: 'pause', hours: 1 }], [{ action: 'pause', hours: 2 }], [{ action: 'pause', hours: 4 }]]);
    expect(Object.keys(actions).sort()).toEqual(['askForPin', 'openPage', 'resumeProtection', 'toggleWindow']);
  });

  it('opens the worried, summary, check and settings pages, and toggles the window', () => {
    const actions = makeActions();
    const template = renderTrayMenu(view, actions);
    for (const id of ['worried', 'summary', 'check', 'settings', 'toggle-window']) click(template, id);
    expect(actions.openPage.mock.calls).toEqual([['worried'], ['summary'], ['check'], ['setup']]);
    expect(actions.toggleWindow).toHaveBeenCalledOnce();
    expect(actions.askForPin).not.toHaveBeenCalled();
  });

  it('offers Hide when the window is visible', () => {
    expect(outline(renderTrayMenu({ ...view, windowVisible: true }, makeActions()))[7]).toBe('Hide Pause Guard');
  });

  it('while paused, says until when and offers to turn protection back on without the PIN', () => {
    const actions = makeActions();
    const template = renderTrayMenu(pausedView, actions);
    expect(outline(template)).toEqual([
      'Protection is paused until 3:30 PM. It comes back on by itself.',
      '---',
      "I'm on a call and I'm worried",
      "This week's summary",
      'Check this computer',
      'Settings (PIN)',
      'Turn protection back on now',
      'Show Pause Guard',
      '---',
      'Quit Pause Guard (PIN)',
    ]);
    click(template, 'resume');
    expect(actions.resumeProtection).toHaveBeenCalledOnce();
    expect(actions.askForPin).not.toHaveBeenCalled();
    expect(flat(trayMenu(pausedView)).find((e) => e.kind === 'item' && e.id === 'resume')).toMatchObject({ needsPin: false });
  });
});

describe('createTrayIcon', () => {
  it('creates the tray with the state icon, tooltip in words and the rendered menu', () => {
    const { tray, options, actions } = fakes();
    createTrayIcon(options, view);
    expect(options.loadIcon).toHaveBeenCalledWith('/app/resources/icons/tray-protected.png');
    expect(options.createTrayInstance).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ path: '/app/resources/icons/tray-protected.png' }));
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Pause Guard: protection is on');
    expect(outline(options.buildMenu.mock.calls.at(-1)?.[0] ?? [])).toEqual(outline(renderTrayMenu(view, actions)));
    expect(tray.setContextMenu).toHaveBeenLastCalledWith({ template: options.buildMenu.mock.calls.at(-1)?.[0] });
    tray.on.mock.calls.find(([name]) => name === 'click')?.[1]();
    expect(actions.toggleWindow).toHaveBeenCalledOnce();
  });

  it.each([
    ['warning', 'Pause Guard: something needs checking'],
    ['paused', 'Pause Guard: protection is paused'],
    ['problem', 'Pause Guard: protection is not fully working'],
  ] as const)('redraws icon, tooltip and menu for %s', (state, tooltip) => {
    const { tray, options } = fakes();
    const icon = createTrayIcon(options, view);
    icon.update({ state, summary: 'Something changed.', windowVisible: true });
    expect(tray.setImage).toHaveBeenLastCalledWith(expect.objectContaining({ path: `/app/resources/icons/tray-${state}.png` }));
    expect(tray.setToolTip).toHaveBeenLastCalledWith(tooltip);
    expect(outline(options.buildMenu.mock.calls.at(-1)?.[0] ?? []).slice(0, 1)).toEqual(['Something changed.']);
    expect(trayTooltips[state]).toBe(tooltip);
  });

  it("uses macOS's template icons in the menu bar", () => {
    const { tray, options } = fakes('darwin');
    const icon = createTrayIcon(options, view);
    for (const state of ['warning', 'paused', 'problem'] as const) icon.update({ ...view, state });
    expect(options.loadIcon.mock.calls.map(([file]) => file)).toEqual([
      '/app/resources/icons/tray-protectedTemplate.png',
      '/app/resources/icons/tray-warningTemplate.png',
      '/app/resources/icons/tray-pausedTemplate.png',
      '/app/resources/icons/tray-problemTemplate.png',
    ]);
    expect(tray.setImage).toHaveBeenLastCalledWith(expect.objectContaining({ path: '/app/resources/icons/tray-problemTemplate.png' }));
  });

  it('loads each icon once', () => {
    const { options } = fakes();
    const icon = createTrayIcon(options, view);
    icon.update(view);
    icon.update({ ...view, state: 'paused' });
    icon.update({ ...view, state: 'paused' });
    expect(options.loadIcon.mock.calls.map(([file]) => file)).toEqual(['/app/resources/icons/tray-protected.png', '/app/resources/icons/tray-paused.png']);
  });

  it('fails loudly when an icon cannot be read', () => {
    const { options } = fakes();
    expect(() => createTrayIcon({ ...options, iconsDir: '/missing' }, view)).toThrow('The tray icon /missing/tray-protected.png is missing or unreadable.');
  });

  it('every state and platform has an icon file in resources/icons', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const state of Object.keys(trayTooltips) as Array<keyof typeof trayTooltips>) {
        expect(fs.existsSync(trayIconPath('resources/icons', state, platform))).toBe(true);
      }
    }
  });

  it('destroys the tray', () => {
    const { tray, options } = fakes();
    createTrayIcon(options, view).destroy();
    expect(tray.destroy).toHaveBeenCalledOnce();
  });
});
