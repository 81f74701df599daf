// The remote-tools catalog schema: one source for the engine, the CLI and the renderer. No Node or DOM imports.
import { z } from 'zod';

/** What finding the tool calls for: interrupt (scam remote control), warn (other remote access, RMM), log (tunnels, admin tools). */
export const ToolTierSchema = z.enum(['interrupt', 'warn', 'log']);
export type ToolTier = z.infer<typeof ToolTierSchema>;

/** A name too generic to flag alone (agent.exe): it counts only with a second signal from its path. */
export const GenericExecutableSchema = z.object({
  name: z.string().min(1),
  /** Lower-case fragments, one of which must appear in the full executable path (a vendor folder). */
  pathContains: z.array(z.string().min(1)).min(1),
});

/** A process whose presence means someone is connected in right now (TeamViewer_Desktop.exe --Module 1). */
export const SessionProcessSchema = z.object({
  executable: z.string().min(1),
  /** Lower-case fragments the command line must contain, when the name alone is not enough. */
  argsContain: z.array(z.string()).default([]),
});

export const SessionLogSchema = z.object({
  /** Which parser reads it: see electron/guardian/watchers/sessions/. */
  format: z.enum(['teamviewer-incoming', 'teamviewer-log', 'anydesk-connection-trace', 'anydesk-trace', 'ultraviewer', 'rustdesk']),
  /** Windows paths with %ENV% variables, or ~ for the home folder; the file name may hold * wildcards (TeamViewer*_Logfile.log). */
  paths: z.array(z.string().min(1)).min(1),
  /** Ids of other catalog tools that write this log too (TeamViewer QuickSupport writes TeamViewer's): a session in it
   *  lasts while any of them runs. */
  writtenAlsoBy: z.array(z.string()).default([]),
});

/** Where and how a tool installs itself, for the "Check this computer" look at what is installed (electron/guardian/check/). */
export const InstallFactsSchema = z.object({
  windows: z.object({
    /** The DisplayName of its Uninstall entry, as case-insensitive wildcards ("ScreenConnect Client (*)"). */
    displayNames: z.array(z.string().min(1)).default([]),
    /** Its service names (keys under HKLM\\SYSTEM\\CurrentControlSet\\Services), as case-insensitive wildcards. */
    services: z.array(z.string().min(1)).default([]),
    /** The folders it installs into, with %ENV% variables. */
    paths: z.array(z.string().min(1)).default([]),
  }).default({ displayNames: [], services: [], paths: [] }),
  macos: z.object({
    /** Application bundles in /Applications or ~/Applications ("AnyDesk.app"). */
    apps: z.array(z.string().min(1)).default([]),
    bundleIds: z.array(z.string().min(1)).default([]),
    /** Labels of its LaunchAgents and LaunchDaemons, as case-insensitive wildcards. */
    launchLabels: z.array(z.string().min(1)).default([]),
  }).default({ apps: [], bundleIds: [], launchLabels: [] }),
  linux: z.object({
    /** Package names in the dpkg status file. */
    packages: z.array(z.string().min(1)).default([]),
    /** systemd unit file names, as case-insensitive wildcards. */
    units: z.array(z.string().min(1)).default([]),
    /** XDG autostart file names ("anydesk.desktop"). */
    autostart: z.array(z.string().min(1)).default([]),
  }).default({ packages: [], units: [], autostart: [] }),
  /**
   * Settings files that show unattended access (a password that lets someone in with nobody there to accept):
   * `format` names the reader, `paths` are Windows paths with %ENV% variables, absolute paths, or ~ for the home folder.
   */
  unattended: z.object({
    format: z.enum(['anydesk-conf']),
    paths: z.array(z.string().min(1)).min(1),
  }).optional(),
});
export type InstallFacts = z.infer<typeof InstallFactsSchema>;

export const RemoteToolSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** One plain sentence for a person who is not technical. */
  description: z.string().min(10),
  tier: ToolTierSchema,
  executables: z.object({
    windows: z.array(z.string().min(1)).default([]),
    macos: z.array(z.string().min(1)).default([]),
    linux: z.array(z.string().min(1)).default([]),
  }),
  /** Case-insensitive wildcards (* and ?) over the executable's base name, for custom builds: anydesk-*.exe. */
  executablePatterns: z.array(z.string().min(1)).default([]),
  genericExecutables: z.array(GenericExecutableSchema).default([]),
  /** Case-insensitive wildcards over a downloaded file's name: anydesk*.exe, teamviewer_setup*.exe. */
  installerPatterns: z.array(z.string().min(1)).default([]),
  /** TCP ports the tool accepts incoming connections on. */
  ports: z.array(z.number().int().min(1).max(65535)).default([]),
  sessionProcesses: z.array(SessionProcessSchema).default([]),
  sessionLogs: z.array(SessionLogSchema).default([]),
  domains: z.array(z.string()).default([]),
  installs: InstallFactsSchema.optional(),
});
export type RemoteTool = z.infer<typeof RemoteToolSchema>;

export const CatalogSchema = z.object({
  /** Raised by one for every published change: an update with a lower version than the one in force is refused. */
  version: z.number().int().positive(),
  /** The day this version was published (YYYY-MM-DD), shown to the person as "list of remote-access programs from 2 December 2026". */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD').optional(),
  source: z.string(),
  tools: z.array(RemoteToolSchema).min(1),
});
export type CatalogFile = z.infer<typeof CatalogSchema>;
