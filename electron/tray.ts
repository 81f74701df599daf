// The tray icon and its menu, rebuilt from one render function on every change. Nothing here quits or pauses protection:
// those items only ask for the PIN (the guardian decides); Electron's constructors come in through the options.
import path from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { Status } from '../shared/api';
import { PAUSE_HOURS, type Page, type ProtectedAction } from '../shared/interruption';

export type TrayState = Status['state'];

/** What the tray shows: the engine's state and sentence (which says until when protection is paused), and the window. */
export type TrayView = { state: TrayState; summary: string; windowVisible: boolean };

/** The pages the tray opens in the window. */
export type TrayPage = Extract<Page, 'worried' | 'summary' | 'setup' | 'check'>;

export type TrayActions = {
  toggleWindow: () => void;
  openPage: (page: TrayPage) => void;
  /** Quit and pause go only through here: the PIN page is shown, and the guardian acts once the PIN is right. */
  askForPin: (request: ProtectedAction) => void;
  /** Turning protection back on is always safe, so it needs no PIN. */
  resumeProtection: () => void;
};

/** What an item does, as data, so the menu can be checked without clicking. */
export type TrayCommand =
  | { kind: 'toggle-window' }
  | { kind: 'open-page'; page: TrayPage }
  | { kind: 'ask-for-pin'; request: ProtectedAction }
  | { kind: 'resume' };

export type TrayEntry =
  | { kind: 'separator' }
  | { kind: 'status'; label: string }
  | { kind: 'item'; id: string; label: string; needsPin: boolean; command: TrayCommand }
  | { kind: 'submenu'; id: string; label: string; needsPin: boolean; entries: TrayEntry[] };

export type TrayOptions = {
  createTrayInstance: (icon: NativeImage) => Tray;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  loadIcon: (filePath: string) => NativeImage;
  /** The folder holding tray-<state>.png and, for macOS's menu bar, tray-<state>Template.png. */
  iconsDir: string;
  platform: NodeJS.Platform;
  actions: TrayActions;
};

export const trayTooltips: Record<TrayState, string> = {
  protected: 'Pause Guard: protection is on',
  warning: 'Pause Guard: something needs checking',
  paused: 'Pause Guard: protection is paused',
  problem: 'Pause Guard: protection is not fully working',
};

const item = (id: string, label: string, command: TrayCommand, needsPin = false): TrayEntry => ({
  kind: 'item',
  id,
  label: needsPin ? `${label} (PIN)` : label,
  needsPin,
  command,
});

const hours = (n: number): string => (n === 1 ? 'For 1 hour' : `For ${n} hours`);

/** The whole menu for one view. Show/Hide is always there: clicking a tray icon does nothing on some Linux desktops. */
export function trayMenu(view: TrayView): TrayEntry[] {
  const pauseOrResume: TrayEntry =
    view.state === 'paused'
      ? item('resume', 'Turn protection back on now', { kind: 'resume' })
      : {
          kind: 'submenu',
          id: 'pause',
          label: 'Pause protection (PIN)',
          needsPin: true,
          entries: PAUSE_HOURS.map((n) => item(`pause-${n}h`, hours(n), { kind: 'ask-for-pin', request: { action: 'pause', hours: n } }, true)),
        };
  return [
    { kind: 'status', label: view.summary },
    { kind: 'separator' },
    item('worried', "I'm on a call and I'm worried", { kind: 'open-page', page: 'worried' }),
    item('summary', "This week's summary", { kind: 'open-page', page: 'summary' }),
    item('check', 'Check this computer', { kind: 'open-page', page: 'check' }),
    item('settings', 'Settings', { kind: 'open-page', page: 'setup' }, true),
    pauseOrResume,
    item('toggle-window', view.windowVisible ? 'Hide Pause Guard' : 'Show Pause Guard', { kind: 'toggle-window' }),
    { kind: 'separator' },
    item('quit', 'Quit Pause Guard', { kind: 'ask-for-pin', request: { action: 'quit' } }, true),
  ];
}

function run(command: TrayCommand, actions: TrayActions): void {
  if (command.kind === 'toggle-window') actions.toggleWindow();
  else if (command.kind === 'open-page') actions.openPage(command.page);
  else if (command.kind === 'ask-for-pin') actions.askForPin(command.request);
  else actions.resumeProtection();
}

function toTemplate(entry: TrayEntry, actions: TrayActions): MenuItemConstructorOptions {
  if (entry.kind === 'separator') return { type: 'separator' };
  if (entry.kind === 'status') return { id: 'status', label: entry.label, enabled: false };
  if (entry.kind === 'submenu') return { id: entry.id, label: entry.label, submenu: entry.entries.map((e) => toTemplate(e, actions)) };
  const { command } = entry;
  return { id: entry.id, label: entry.label, click: () => run(command, actions) };
}

/** The menu for one view as Electron's template, each click calling its action. */
export function renderTrayMenu(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  return trayMenu(view).map((entry) => toTemplate(entry, actions));
}

/** macOS's menu bar wants template images (black and clear, recoloured by the system); elsewhere the coloured ones. */
export function trayIconPath(iconsDir: string, state: TrayState, platform: NodeJS.Platform): string {
  return path.join(iconsDir, platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`);
}

export type TrayIcon = { update(view: TrayView): void; destroy(): void };

/** Creates the tray icon showing the first view; update() redraws icon, tooltip and menu from a new view. */
export function createTrayIcon(options: TrayOptions, firstView: TrayView): TrayIcon {
  const icons = new Map<TrayState, NativeImage>();
  const iconFor = (state: TrayState): NativeImage => {
    const cached = icons.get(state);
    if (cached) return cached;
    const file = trayIconPath(options.iconsDir, state, options.platform);
    const icon = options.loadIcon(file);
    if (icon.isEmpty()) throw new Error(`The tray icon ${file} is missing or unreadable.`);
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
