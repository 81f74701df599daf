// Pause Guard's icons: the app icon (a calm blue shield with a pause sign) and one tray icon per protection state.
// Each state has its own mark (tick, exclamation mark, pause bars, cross), so none depends on colour alone.
import type { Status } from '../../shared/api';
import { Canvas, hex, minus, placed, roundedRect, shield, stroke, union, type Colour, type Shape } from './canvas';
import { encodePng } from './pngFile';

export type TrayState = Status['state'];
export const trayStates: readonly TrayState[] = ['protected', 'warning', 'paused', 'problem'];

/** Tray marks are drawn on a 16-pixel grid: one unit of `px` is one pixel of the 16x16 icon. */
const px = 1 / 16;

const marks: Record<TrayState, Shape> = {
  // A tick: all is well.
  protected: union(stroke(4.4 * px, 8.2 * px, 7 * px, 10.8 * px, 1.15 * px), stroke(7 * px, 10.8 * px, 11.6 * px, 4.6 * px, 1.15 * px)),
  // An exclamation mark: look at this.
  warning: union(roundedRect(7 * px, 3 * px, 9 * px, 8 * px, 0.3 * px), roundedRect(7 * px, 10 * px, 9 * px, 12 * px, 0.5 * px)),
  // Two bars, as on any remote control: protection is paused.
  paused: union(roundedRect(5 * px, 4 * px, 7 * px, 10.6 * px, 0.4 * px), roundedRect(9 * px, 4 * px, 11 * px, 10.6 * px, 0.4 * px)),
  // A cross: something is wrong with the protection itself.
  problem: union(stroke(5.2 * px, 4.6 * px, 10.8 * px, 10.2 * px, 1.1 * px), stroke(10.8 * px, 4.6 * px, 5.2 * px, 10.2 * px, 1.1 * px)),
};

interface TrayPalette {
  edge: Colour;
  fill: Colour;
  mark: Colour;
}

// Filled shields in strong colours with a darker edge, visible on light and dark task bars alike.
const palettes: Record<TrayState, TrayPalette> = {
  protected: { edge: hex('#0b4f26'), fill: hex('#15803d'), mark: hex('#ffffff') },
  warning: { edge: hex('#8a5300'), fill: hex('#f6a609'), mark: hex('#1f2937') },
  paused: { edge: hex('#374151'), fill: hex('#e5e7eb'), mark: hex('#374151') },
  problem: { edge: hex('#6f1010'), fill: hex('#c42020'), mark: hex('#ffffff') },
};

/** A coloured tray icon, `size` pixels square (16, or 32 for the @2x file). */
export function trayIcon(state: TrayState, size: number): Canvas {
  const palette = palettes[state];
  return new Canvas(size).fill(shield(), palette.edge).fill(shield(px), palette.fill).fill(marks[state], palette.mark);
}

/**
 * A macOS menu-bar template: black and transparency only (macOS tints it for light and dark menu bars).
 * The paused shield is an outline with the bars inside; the others are solid with their mark cut out.
 */
export function trayTemplate(state: TrayState, size: number): Canvas {
  const black = hex('#000000');
  if (state === 'paused') {
    return new Canvas(size).fill(minus(shield(), shield(1.3 * px)), black).fill(marks.paused, black);
  }
  return new Canvas(size).fill(shield(), black).erase(marks[state]);
}

/** The application icon: a blue shield with white pause bars, with a margin like other app icons. */
export function appIcon(size: number): Canvas {
  const inset = (shape: Shape): Shape => placed(shape, 0.08, 0.06, 0.84);
  const bars = union(roundedRect(0.33, 0.25, 0.445, 0.62, 0.03), roundedRect(0.555, 0.25, 0.67, 0.62, 0.03));
  return new Canvas(size, 3)
    .fill(inset(shield()), hex('#173a63'))
    .fill(inset(shield(0.035)), hex('#2f6db5'))
    .fill(inset(bars), hex('#ffffff'));
}

function png(canvas: Canvas): Buffer {
  return encodePng(canvas.size, canvas.size, canvas.pixels);
}

/** Every file in resources/icons, by name, rendered afresh. */
export function renderIconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>([['icon.png', png(appIcon(1024))]]);
  for (const state of trayStates) {
    files.set(`tray-${state}.png`, png(trayIcon(state, 16)));
    files.set(`tray-${state}@2x.png`, png(trayIcon(state, 32)));
    files.set(`tray-${state}Template.png`, png(trayTemplate(state, 16)));
    files.set(`tray-${state}Template@2x.png`, png(trayTemplate(state, 32)));
  }
  return files;
}
