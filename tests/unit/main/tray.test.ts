// The tray: one render function for the menu, icon and tooltip per state, redrawn on every update, constructors injected.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { createTrayIcon, renderTrayMenu, trayTooltips, type TrayView } from '../../../electron/tray';

const view: TrayView = { state: 'protected', summary: 'Pause Guard is watching this computer.', windowVisible: false };

function fakes() {
  const tray = { on: vi.fn(), setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), destroy: vi.fn() };
  const actions = { toggleWindow: vi.fn(), quit: vi.fn() };
  const image = (path: string) => ({ path, isEmpty: () => path.includes('missing') }) as unknown as NativeImage;
  const options = {
    createTrayInstance: vi.fn((_icon: NativeImage) => tray as unknown as Tray),
    buildMenu: vi.fn((template: MenuItemConstructorOptions[]) => ({ template }) as unknown as Menu),
    loadIcon: vi.fn(image),
    iconsDir: '/app/resources/icons',
    actions,
  };
  return { tray, actions, options };
}

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => (item.type === 'separator' ? '---' : item.label));

describe('renderTrayMenu', () => {
  const actions = { toggleWindow: vi.fn(), quit: vi.fn() };

  it('renders the status line, Show and Quit when the window is hidden', () => {
    const template = renderTrayMenu(view, actions);
    expect(labels(template)).toEqual(['Pause Guard is watching this computer.', '---', 'Show Pause Guard', '---', 'Quit Pause Guard']);
    expect(template[0]).toEqual({ id: 'status', label: 'Pause Guard is watching this computer.', enabled: false });
  });

  it('offers Hide when the window is visible', () => {
    expect(labels(renderTrayMenu({ ...view, windowVisible: true }, actions))[2]).toBe('Hide Pause Guard');
  });

  it('wires Show/Hide and Quit to the actions', () => {
    const template = renderTrayMenu(view, actions);
    template.find((item) => item.id === 'toggle-window')?.click?.({} as never, undefined, {} as never);
    template.find((item) => item.id === 'quit')?.click?.({} as never, undefined, {} as never);
    expect(actions.toggleWindow).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});

describe('createTrayIcon', () => {
  it('creates the tray with the state icon, tooltip in words and the rendered menu', () => {
    const { tray, options, actions } = fakes();
    createTrayIcon(options, view);
    expect(options.loadIcon).toHaveBeenCalledWith('/app/resources/icons/tray-protected.png');
    expect(options.createTrayInstance).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ path: '/app/resources/icons/tray-protected.png' }));
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Pause Guard: protection is on');
    expect(labels(options.buildMenu.mock.calls.at(-1)?.[0] ?? [])).toEqual(labels(renderTrayMenu(view, actions)));
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
    expect(labels(options.buildMenu.mock.calls.at(-1)?.[0] ?? [])).toEqual(['Something changed.', '---', 'Hide Pause Guard', '---', 'Quit Pause Guard']);
    expect(trayTooltips[state]).toBe(tooltip);
  });

  it('loads each icon once', () => {
    const { options } = fakes();
    const icon = createTrayIcon(options, view);
    icon.update(view);
    icon.update({ ...view, state: 'paused' });
    icon.update({ ...view, state: 'paused' });
    expect(options.loadIcon.mock.calls.map(([path]) => path)).toEqual(['/app/resources/icons/tray-protected.png', '/app/resources/icons/tray-paused.png']);
  });

  it('fails loudly when an icon cannot be read', () => {
    const { options } = fakes();
    expect(() => createTrayIcon({ ...options, iconsDir: '/missing' }, view)).toThrow('The tray icon /missing/tray-protected.png is missing or unreadable.');
  });

  it('destroys the tray', () => {
    const { tray, options } = fakes();
    createTrayIcon(options, view).destroy();
    expect(tray.destroy).toHaveBeenCalledOnce();
  });
});
