// The tray icon and its menu, rebuilt from one render function on every change: status line, Show/Hide, Quit.
// Electron's constructors come in through the options, so tests can check exactly what is built.
import path from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { Status } from '../shared/api';

export type TrayState = Status['state'];

/** What the tray shows: the engine's state and sentence, and whether the window is on screen. */
export type TrayView = { state: TrayState; summary: string; windowVisible: boolean };

export type TrayActions = { toggleWindow: () => void; quit: () => void };

export type TrayOptions = {
  createTrayInstance: (icon: NativeImage) => Tray;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  loadIcon: (filePath: string) => NativeImage;
  /** The folder holding tray-<state>.png. */
  iconsDir: string;
  actions: TrayActions;
};

export const trayTooltips: Record<TrayState, string> = {
  protected: 'Pause Guard: protection is on',
  warning: 'Pause Guard: something needs checking',
  paused: 'Pause Guard: protection is paused',
  problem: 'Pause Guard: protection is not fully working',
};

/** The whole menu for one view. Show/Hide is always there: clicking a tray icon does nothing on some Linux desktops. */
export function renderTrayMenu(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'status', label: view.summary, enabled: false },
    { type: 'separator' },
    { id: 'toggle-window', label: view.windowVisible ? 'Hide Pause Guard' : 'Show Pause Guard', click: () => actions.toggleWindow() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Pause Guard', click: () => actions.quit() },
  ];
}

export function trayIconPath(iconsDir: string, state: TrayState): string {
  return path.join(iconsDir, `tray-${state}.png`);
}

export type TrayIcon = { update(view: TrayView): void; destroy(): void };

/** Creates the tray icon showing the first view; update() redraws icon, tooltip and menu from a new view. */
export function createTrayIcon(options: TrayOptions, firstView: TrayView): TrayIcon {
  const icons = new Map<TrayState, NativeImage>();
  const iconFor = (state: TrayState): NativeImage => {
    const cached = icons.get(state);
    if (cached) return cached;
    const icon = options.loadIcon(trayIconPath(options.iconsDir, state));
    if (icon.isEmpty()) throw new Error(`The tray icon ${trayIconPath(options.iconsDir, state)} is missing or unreadable.`);
    icons.set(state, icon);
    return icon;
  };

  const tray = options.createTrayInstance(iconFor(firstView.state));
  tray.on('click', () => options.actions.toggleWindow());

  const update = (view: TrayView): void => {
    tray.setImage(iconFor(view.state));
    tray.setToolTip(trayTooltips[view.state]);
    tray.setContextMenu(options.buildMenu(renderTrayMenu(view, options.actions)));
  };
  update(firstView);

  return { update, destroy: () => tray.destroy() };
}
