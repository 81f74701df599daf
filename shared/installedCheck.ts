// What "Check this computer" finds: every remote-access program installed (not only running), where, whether it starts
// by itself, whether it is trusted, and the steps that remove it. One source for the engine, the CLI and the page. No
// Node or DOM imports.
import { z } from 'zod';
import { RegionSchema } from './settings';

/** The kinds of place a program can be found in, across the three systems. */
export const PlaceKindSchema = z.enum([
  // Windows
  'uninstall-entry', 'service', 'run-entry', 'startup-folder', 'scheduled-task',
  // macOS
  'app', 'launch-agent', 'launch-daemon', 'login-item',
  // Linux
  'package', 'systemd-unit', 'autostart', 'appimage',
]);
export type PlaceKind = z.infer<typeof PlaceKindSchema>;

/** One place a program was found. */
export const PlaceSchema = z.object({
  kind: PlaceKindSchema,
  /** The file, folder or registry key, as the system names it. */
  where: z.string(),
  /** What was found there, in plain words ("the package anydesk, version 6.3.0"). */
  what: z.string(),
  /** When it was put there, where that can be known (ISO 8601). */
  installedAt: z.string().nullable(),
  /** How it starts by itself from this place, in plain words ("starts with the computer, as a service"); null when it does not. */
  startsByItself: z.string().nullable(),
});
export type Place = z.infer<typeof PlaceSchema>;

/**
 * A step that removes or switches off a program. `open-uninstaller` runs the system's own uninstaller (`command` shown
 * first); `hide-autostart`, `disable-user-unit` and `disable-startup-entry` (Windows: marked off as Task Manager does)
 * switch off a startup entry the app may change; `tell-helper` is for
 * what needs an administrator: `words` are read to the family helper. Nothing is ever deleted on a guess.
 */
export const CleanupKindSchema = z.enum(['open-uninstaller', 'hide-autostart', 'disable-user-unit', 'disable-startup-entry', 'tell-helper']);
export type CleanupKind = z.infer<typeof CleanupKindSchema>;

export const CleanupStepSchema = z.object({
  /** Stable while the place is unchanged: what `pauseguard clean-up --step` and the page send back. */
  id: z.string(),
  kind: CleanupKindSchema,
  /** What pressing the button will do, in one plain sentence. */
  says: z.string(),
  /** The uninstall command that will run (open-uninstaller), shown before it runs. */
  command: z.string().nullable(),
  /** The exact words to read to the family helper (tell-helper). */
  words: z.string().nullable(),
});
export type CleanupStep = z.infer<typeof CleanupStepSchema>;

export const InstalledProgramSchema = z.object({
  toolId: z.string(),
  name: z.string(),
  /** The catalog's plain sentence. */
  description: z.string(),
  places: z.array(PlaceSchema).min(1),
  /** The earliest time any of its places was put there, where known. */
  installedAt: z.string().nullable(),
  /** True when any place starts it by itself. */
  startsByItself: z.boolean(),
  /** True: its settings allow a connection with nobody there to accept; false: they do not; null: not known. */
  unattended: z.boolean().nullable(),
  /** The family trusts this program (a trusted helper uses it): it is shown, never removed. */
  trusted: z.boolean(),
  /** Running right now: a removal step asks once more first. */
  running: z.boolean(),
  /** Empty for a trusted program. */
  steps: z.array(CleanupStepSchema),
});
export type InstalledProgram = z.infer<typeof InstalledProgramSchema>;

/** A place that could not be read (permission denied, a damaged file or registry hive, a broken link): named once, the check goes on. */
export const CheckProblemSchema = z.object({ where: z.string(), message: z.string() });
export type CheckProblem = z.infer<typeof CheckProblemSchema>;

export const CheckReportSchema = z.object({
  at: z.string(),
  programs: z.array(InstalledProgramSchema),
  problems: z.array(CheckProblemSchema),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

/** What the "Check this computer" page shows: the report, and how a step is confirmed (the family PIN, or a word). */
export const CheckViewSchema = z.object({
  report: CheckReportSchema,
  pinRequired: z.boolean(),
  /** The word to type when no PIN is set. */
  confirmationWord: z.string(),
  region: RegionSchema,
});
export type CheckView = z.infer<typeof CheckViewSchema>;

/** The page's request to take a step: the step, the family PIN (or the word), and the one more yes for a running program. */
export const CleanupRequestSchema = z.object({
  stepId: z.string().max(200),
  secret: z.string().max(32),
  runningConfirmed: z.boolean().default(false),
});
export type CleanupRequest = z.input<typeof CleanupRequestSchema>;

/** What a clean-up step did, for the page and the CLI; `confirm-running` asks once more (the program runs now). */
export const CleanupOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), message: z.string() }),
  z.object({ status: z.literal('confirm-running'), message: z.string() }),
  z.object({ status: z.literal('refused'), message: z.string() }),
  z.object({ status: z.literal('failed'), message: z.string() }),
]);
export type CleanupOutcome = z.infer<typeof CleanupOutcomeSchema>;
