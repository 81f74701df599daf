// Recognises the window a browser shows while a page captures the screen (getDisplayMedia), and the site it names.
// Works on the title only; never keeps it.

/**
 * Chromium, Chrome, Edge, Brave, Opera and Vivaldi show a small bar, a window of the browser's own process, titled with
 * its sentence: "https://meet.google.com is sharing your screen." (measured with Debian's Chromium 156 on X11; a window:
 * "... is sharing a window."), with "Stop sharing" and "Hide". The site, with its scheme, comes first.
 */
const CHROMIUM_INDICATOR = /^\s*(.+?) is sharing (?:your screen|a window|your entire screen|this window)\.?\s*$/iu;

/**
 * Firefox names its indicator window "<brand> — Sharing Indicator" ("Firefox — Sharing Indicator"; older versions used a
 * hyphen). It does not name the site.
 */
const FIREFOX_INDICATOR = /^\s*[\p{L}\p{N} ]{1,40}\s[—–-]\s(?:sharing indicator)\s*$/iu;

/** A browser's screen-sharing indicator: the site that captures the screen where the indicator names it. */
export interface SharingIndicator {
  readonly site: string | null;
}

export function sharingIndicatorOf(title: string): SharingIndicator | null {
  const chromium = CHROMIUM_INDICATOR.exec(title);
  if (chromium) return { site: chromium[1]!.trim().toLowerCase() };
  return FIREFOX_INDICATOR.test(title) ? { site: null } : null;
}
