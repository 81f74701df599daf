// What the status page shows about keeping Pause Guard current: the app's version, the list of remote-access programs
// in force and when it was last checked, and whether the app updates itself; and the one way each is put in words.
// No Node or DOM imports.
import { z } from 'zod';
import { dateWords } from './dateWords';
import type { Region } from './settings';

/**
 * Whether the app installs its own updates: `on`; `unsigned` (a build without a code signature never installs an
 * update, since it could not tell a genuine one); `package-manager` (the Debian package, updated by apt);
 * `development` (run from the sources).
 */
export const AppUpdateSupportSchema = z.enum(['on', 'unsigned', 'package-manager', 'development']);
export type AppUpdateSupport = z.infer<typeof AppUpdateSupportSchema>;

export const UpdatesViewSchema = z.object({
  appVersion: z.string(),
  catalogVersion: z.number().int(),
  /** The day the list in force was published (YYYY-MM-DD), or null when it does not say. */
  catalogDate: z.string().nullable(),
  /** When a check for a newer list last succeeded; null if none has yet. */
  checkedAt: z.string().nullable(),
  /** Why the last check kept the list in force, in one plain sentence, until a check succeeds; null when none did. */
  catalogProblem: z.string().nullable(),
  appUpdates: AppUpdateSupportSchema,
  /** A newer version of the app, downloaded and waiting for a quiet moment to install; null when none is. */
  appUpdateWaiting: z.string().nullable(),
});
export type UpdatesView = z.infer<typeof UpdatesViewSchema>;

const APP_UPDATE_SENTENCES: Record<AppUpdateSupport, string | null> = {
  on: null,
  unsigned: 'This copy of Pause Guard is not signed, so it does not update itself. Your family can install a new version by hand.',
  'package-manager': 'This computer\'s software updates keep Pause Guard up to date.',
  development: 'This copy of Pause Guard runs from its source code and does not update itself.',
};

/** "today", "yesterday" or "on 3 December 2026": when `at` was, seen from `now`, in the computer's time zone. */
function whenChecked(at: string, now: Date, region: Region, timeZone?: string): string {
  const words = dateWords(region, timeZone);
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  if (words.date(at) === words.date(now)) return 'today';
  if (words.date(at) === words.date(yesterday)) return 'yesterday';
  return `on ${words.date(at)}`;
}

/**
 * The status page's lines: "Pause Guard 0.3.0, list of remote-access programs from 2 December 2026, checked today.",
 * then why the last check kept the list, a waiting app update, and how the app is updated when it does not do so itself.
 */
export function updatesSentences(view: UpdatesView, region: Region, now: Date, timeZone?: string): string[] {
  // The list's date is a calendar day, not a moment: worded in UTC so no time zone moves it.
  const list = view.catalogDate === null
    ? `list of remote-access programs version ${view.catalogVersion}`
    : `list of remote-access programs from ${dateWords(region, 'UTC').date(`${view.catalogDate}T12:00:00Z`)}`;
  const checked = view.checkedAt === null ? 'not checked for a newer one yet' : `checked ${whenChecked(view.checkedAt, now, region, timeZone)}`;
  const lines = [`Pause Guard ${view.appVersion}, ${list}, ${checked}.`];
  if (view.catalogProblem !== null) lines.push(`The last check kept the list in use: ${lowerFirst(view.catalogProblem)}`);
  if (view.appUpdateWaiting !== null) lines.push(`Pause Guard ${view.appUpdateWaiting} is ready and installs itself at the next quiet moment.`);
  const support = APP_UPDATE_SENTENCES[view.appUpdates];
  if (support !== null) lines.push(support);
  return lines;
}

function lowerFirst(sentence: string): string {
  return /^[A-Z][a-z]/.test(sentence) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
}
