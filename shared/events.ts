// The engine's events, as schemas and types: what watch --json prints, what the journal stores, what the UI shows.
import { z } from 'zod';
import { ToolTierSchema } from './catalog';

const at = z.string().datetime({ offset: true });

/** The tool a finding is about, named for a person. Null id where the tool is unknown (a VNC port with no known owner). */
const toolFields = {
  toolId: z.string().nullable(),
  name: z.string(),
  tier: ToolTierSchema,
};

/** The ways an alert reaches the trusted contact. */
export const AlertChannelSchema = z.enum(['ntfy', 'email', 'webhook']);
export type AlertChannel = z.infer<typeof AlertChannelSchema>;

/** What an alert is about. */
export const AlertKindSchema = z.enum([
  'interruption', 'choice', 'help-wanted', 'session', 'tool', 'installer', 'pin-failed', 'not-own-hands', 'protection-gap', 'protection-held',
  'protection-paused', 'quit', 'settings-changed', 'settings-reset', 'weekly-summary', 'test',
  'debugger-refused', 'clean-up',
  'settings-tampered', 'journal-tampered', 'catalog-tampered',
  // Scheduled on the family's ntfy topic ahead of time, delivered only if the app does not check in again.
  'check-in-missed', 'check-in-off',
]);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** How an incoming session was seen. */
export const SessionKindSchema = z.enum(['tcp', 'rdp', 'process', 'log', 'netstat']);
export type SessionKind = z.infer<typeof SessionKindSchema>;

/** Risk of a live session: highest while a bank is open on screen. */
export const SessionRiskSchema = z.enum(['high', 'highest']);

/** What a window on screen shows: see the window-seen event. */
export const WindowKindSchema = z.enum(['bank', 'tool-prompt', 'screen-share', 'remote-control']);
export type WindowKind = z.infer<typeof WindowKindSchema>;

/** How a program that shares the screen or lets someone control it is named when no one could name it. */
export const UNNAMED_SHARER = 'A program on this computer';

/** Why the cover is shown (a tool started, someone connected in, a bank opened during a session, someone else moving the
 *  mouse, remote control in a meeting, a money page while the screen is shared): also the cause of interruption-requested. */
export const InterruptionCauseSchema = z.enum(['tool-started', 'session-started', 'bank-during-session', 'remote-input', 'meeting-control', 'bank-during-sharing']);
export type InterruptionCause = z.infer<typeof InterruptionCauseSchema>;

export const SessionSchema = z.object({
  /** Stable key for this session, so started and ended pair up. */
  key: z.string(),
  kind: SessionKindSchema,
  toolId: z.string().nullable(),
  name: z.string(),
  pid: z.number().int().nullable(),
  remoteAddress: z.string().nullable(),
  remoteId: z.string().nullable(),
  /** Other numbers shaped like remote IDs on the line that named the remote (a display name can hold one): never a trusted helper's session. */
  otherRemoteIds: z.array(z.string()).optional(),
  since: at,
});
export type Session = z.infer<typeof SessionSchema>;

/** Where remote control was seen from: input a program made, by the device (X11's XTEST) or process (macOS) where known. */
const remoteInputFields = {
  source: z.literal('injected'),
  device: z.string().nullable(),
  pid: z.number().int().nullable(),
  since: at,
};

export const GuardianEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), at, watchers: z.array(z.string()) }),
  z.object({
    type: z.literal('tool-started'),
    at,
    ...toolFields,
    pid: z.number().int(),
    exe: z.string().nullable(),
    /** True when the tool was already running when the engine started. */
    initial: z.boolean(),
  }),
  z.object({ type: z.literal('tool-stopped'), at, ...toolFields, pid: z.number().int(), exe: z.string().nullable() }),
  z.object({
    type: z.literal('installer-downloaded'),
    at,
    ...toolFields,
    path: z.string(),
    /** True when the file was already there when the engine started. */
    initial: z.boolean(),
  }),
  z.object({
    type: z.literal('session-started'),
    at,
    ...SessionSchema.shape,
    risk: SessionRiskSchema,
    initial: z.boolean(),
  }),
  z.object({ type: z.literal('session-ended'), at, ...SessionSchema.shape }),
  /** A session a tool's log recorded before now (an old line, or one written down after it ended): history, never live. */
  z.object({
    type: z.literal('session-past'), at, toolId: z.string(), name: z.string(), remoteId: z.string().nullable(),
    otherRemoteIds: z.array(z.string()).optional(), since: at.nullable(), until: at.nullable(),
  }),
  /** A live session while a bank's page is on screen: risk raised to the top. */
  z.object({ type: z.literal('session-risk-raised'), at, key: z.string(), risk: SessionRiskSchema, reason: z.string() }),
  /** A window worth knowing about: a page for the person's money (a bank, gift cards, crypto, money transfer), a tool's
   *  accept-connection prompt, a browser or meeting app sharing the screen, or a meeting app's remote control. Never
   *  carries the title. */
  z.object({
    type: z.literal('window-seen'),
    at,
    kind: WindowKindSchema,
    toolId: z.string().nullable(),
    pid: z.number().int().nullable(),
    /** Who shares the screen or lets someone control it, named for a person ("Zoom", "Google Chrome"). */
    name: z.string().optional(),
    /** A screen share seen while a money page is already open: highest. */
    risk: SessionRiskSchema.optional(),
  }),
  z.object({ type: z.literal('window-gone'), at, kind: WindowKindSchema, toolId: z.string().nullable(), pid: z.number().int().nullable() }),
  /** A money page opened while the screen is being shared: the share's risk raised to the top. */
  z.object({
    type: z.literal('sharing-risk-raised'), at, toolId: z.string().nullable(), name: z.string(), pid: z.number().int().nullable(),
  }),
  /** Someone else is working the mouse: sustained pointer movement with clicks or keys that a program made (injected),
   *  not the person's own hands. `device` and `pid` where the system names them; `since` when that input began. */
  z.object({ type: z.literal('remote-input'), at, ...remoteInputFields }),
  /** The injected input seen since `since` has stopped. */
  z.object({ type: z.literal('remote-input-ended'), at, ...remoteInputFields }),
  /** A watcher could not do its job (unreadable folder, missing tool): protection is degraded. */
  z.object({
    type: z.literal('watcher-failed'), at, watcher: z.string(), message: z.string(),
    /** True for a limit of this computer that will not go away by itself (a Wayland desktop, no desktop at all):
     *  shown in the status, but protection is not reported as broken for it. */
    lasting: z.boolean().optional(),
  }),
  /** A watcher that had failed works again. */
  z.object({ type: z.literal('watcher-recovered'), at, watcher: z.string() }),
  /** The policy asked for the full-screen pause-and-check page (a new one; updates of the one on screen are not repeated). */
  z.object({
    type: z.literal('interruption-requested'), at, interruptionId: z.string(), level: z.enum(['interrupt', 'highest']),
    cause: InterruptionCauseSchema, toolId: z.string().nullable(), name: z.string(),
    remoteId: z.string().nullable(), remoteAddress: z.string().nullable(),
  }),
  /** An alert to the trusted contact was written to the outbox (before any send is tried). */
  z.object({ type: z.literal('alert-queued'), at, alertId: z.string(), kind: AlertKindSchema, channels: z.array(AlertChannelSchema) }),
  z.object({ type: z.literal('alert-delivered'), at, alertId: z.string(), channel: AlertChannelSchema, attempts: z.number().int().positive() }),
  /** permanent: false means it will be tried again later. `reason` is one plain sentence. */
  z.object({
    type: z.literal('alert-failed'), at, alertId: z.string(), channel: AlertChannelSchema,
    attempts: z.number().int().positive(), permanent: z.boolean(), reason: z.string(),
  }),
]);
export type GuardianEvent = z.infer<typeof GuardianEventSchema>;
export type GuardianEventType = GuardianEvent['type'];
/** An event as a watcher hands it over, before the engine stamps the time. */
export type DetectionEvent = DistributiveOmit<GuardianEvent, 'at'> & { at?: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
