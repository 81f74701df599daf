// "Check this computer": every remote-access program installed here, not only running, from the places the system keeps
// programs and what starts them; grouped per program with when it was installed, whether it starts by itself, unattended
// access, whether the family trusts it, and the steps that remove it. Only reads; clean-up is cleanupService.ts.
import { createHash } from 'node:crypto';
import type { RemoteTool } from '../../../shared/catalog';
import type { CheckProblem, CheckReport, CleanupStep, InstalledProgram, Place } from '../../../shared/installedCheck';
import { remoteIdKey } from '../../../shared/remoteId';
import type { TrustedHelper } from '../../../shared/settings';
import type { Catalog } from '../catalog';
import type { Found, PlaceScan, Removal } from './found';
import { unattendedAccess, type SettingsRoots } from './unattended';

export interface InstalledCheckOptions extends SettingsRoots {
  catalog: Catalog;
  /** Reads this system's places (linuxPlaces, windowsPlaces, macosPlaces). */
  places: () => Promise<PlaceScan>;
  trustedHelpers: readonly TrustedHelper[];
  /** Catalog ids of the tools running now. */
  running: () => Promise<ReadonlySet<string>>;
  /** Who the words of a step that needs an administrator are for ("Dave"). */
  helperName: string;
  now?: () => Date;
}

/** The report, and for each of its steps the program and what the step changes (for cleanupService.ts). */
export interface InstalledCheck {
  report: CheckReport;
  steps: ReadonlyMap<string, { program: InstalledProgram; removal: NonNullable<Removal> }>;
}

export async function checkInstalled(options: InstalledCheckOptions): Promise<InstalledCheck> {
  const [scan, running] = await Promise.all([options.places(), options.running()]);
  const problems = [...scan.problems];
  const byTool = new Map<string, Found[]>();
  const seenPlaces = new Set<string>();
  for (const found of scan.found) {
    const key = `${found.toolId}\n${found.place.kind}\n${found.place.where}\n${found.place.what}`;
    if (seenPlaces.has(key)) continue;
    seenPlaces.add(key);
    byTool.set(found.toolId, [...(byTool.get(found.toolId) ?? []), found]);
  }
  const programs: InstalledProgram[] = [];
  const steps = new Map<string, { program: InstalledProgram; removal: NonNullable<Removal> }>();
  for (const [toolId, founds] of byTool) {
    const tool = options.catalog.byId(toolId);
    if (!tool) continue;
    const trusted = options.trustedHelpers.some((helper) => helper.toolId === toolId && remoteIdKey(helper.remoteId) !== '');
    const places = founds.map((f) => f.place);
    const unattended = founds.some((f) => f.unattended === true) ? true : await unattendedAccess(tool, options, problems);
    const program: InstalledProgram = {
      toolId, name: tool.name, description: tool.description, places,
      installedAt: earliest(places), startsByItself: places.some((p) => p.startsByItself !== null), unattended, trusted,
      running: running.has(toolId), steps: [],
    };
    // A trusted program is shown and never offered for removal.
    for (const found of trusted ? [] : founds) {
      if (!found.removal) continue;
      const step = stepOf(tool, found, found.removal, options.helperName);
      if (steps.has(step.id)) continue;
      program.steps.push(step);
      steps.set(step.id, { program, removal: found.removal });
    }
    programs.push(program);
  }
  programs.sort((a, b) => Number(a.trusted) - Number(b.trusted) || a.name.localeCompare(b.name));
  return { report: { at: (options.now?.() ?? new Date()).toISOString(), programs, problems: onceEach(problems) }, steps };
}

/** A place named once, whichever reader found it unreadable first. */
function onceEach(problems: CheckProblem[]): CheckProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.where) && seen.add(p.where));
}

function earliest(places: Place[]): string | null {
  const times = places.flatMap((p) => (p.installedAt ? [p.installedAt] : [])).sort();
  return times[0] ?? null;
}

function stepOf(tool: RemoteTool, found: Found, removal: NonNullable<Removal>, helperName: string): CleanupStep {
  const id = `${tool.id}-${removal.kind}-${createHash('sha256').update(`${found.place.kind}\n${found.place.where}\n${found.place.what}`).digest('hex').slice(0, 10)}`;
  return { id, kind: removal.kind, says: saysOf(tool.name, removal, helperName), command: removal.kind === 'open-uninstaller' ? removal.command : null, words: wordsOf(tool.name, removal) };
}

function saysOf(name: string, removal: NonNullable<Removal>, helperName: string): string {
  switch (removal.kind) {
    case 'open-uninstaller':
      return `Open the uninstaller that came with ${name}, to remove it. The command it runs is shown below.`;
    case 'hide-autostart':
      return `Stop ${name} starting by itself when you log in. Nothing is deleted: its startup file is switched off.`;
    case 'disable-user-unit':
      return `Stop ${name} starting by itself when you log in. Nothing is deleted: its service is switched off.`;
    case 'disable-startup-entry':
      return `Stop ${name} starting by itself when you log in. Nothing is deleted: its startup entry is switched off, as Task Manager does.`;
    case 'tell-helper':
      return `This needs someone with the administrator password. Read the words below to ${helperName}; the button lets ${helperName} know you need help with it.`;
  }
}

function wordsOf(name: string, removal: NonNullable<Removal>): string | null {
  if (removal.kind !== 'tell-helper') return null;
  return `Please help me remove ${name} from this computer. Pause Guard says ${removal.detail}.`;
}
