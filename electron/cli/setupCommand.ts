// `setup --non-interactive`: the setup window's form filled from the command line and saved by the same setup service,
// with the same checks and messages, behind the same PIN gate and lockout; journalled and told to the family as the
// window's saves are. Prints one plain line per thing set; never prints the PIN, a password, a token or a secret.
import type { Region, Settings } from '../../shared/settings';
import { summaryTimeWords } from '../../shared/summaryTime';
import type { AlertEvent } from '../guardian/alerts/outbox';
import type { Catalog } from '../guardian/catalog';
import { catalogInForce } from '../guardian/catalogUpdates/catalogUpdates';
import { settingsPath } from '../guardian/store/settingsStore';
import type { CliCommand, CommandContext } from './command';
import { withCommandServices } from './commandServices';
import { setupInputFrom } from './setupInput';
import { optionOfField, readSetupOptions, SETUP_OPTIONS, type SetupRequest } from './setupOptions';
import { UsageError } from './usageError';

export interface SetupOutcome {
  code: number;
  /** What was set, then whether the family was told, one plain line each. */
  lines: string[];
  /** Why nothing was saved (wrong PIN, read-only folder), for stderr; null on success. */
  problem: string | null;
  changedFields: string[];
}

const REGION_NAMES: Record<Region, string> = {
  GB: 'United Kingdom', US: 'United States', CA: 'Canada', AU: 'Australia', IE: 'Ireland',
};

export const setupCommand: CliCommand = {
  name: 'setup',
  usage:
    'setup --non-interactive --person NAME --contact-name NAME [--contact-phone NUMBER] [--contact-email ADDR] [--smtp-url URL] ' +
    '[--smtp-from ADDR] [--ntfy-url URL] [--ntfy-token TOKEN] [--webhook-url URL] [--webhook-secret S] [--pin DIGITS] ' +
    '[--pin-current DIGITS] [--region GB|US|CA|AU|IE] [--trust TOOL:ID ...] [--no-start-at-login] ' +
    '[--summary-day mon|tue|wed|thu|fri|sat|sun] [--summary-time HH:MM] [--ping-url URL] [--catalog-url URL]',
  summary: 'Write the family settings from a script (the app\'s setup window does the same by hand).',
  options: SETUP_OPTIONS,
  async run(context) {
    if (context.values['non-interactive'] !== true) {
      throw new UsageError('The interactive setup is the Pause Guard app\'s setup window. To write the settings from a script, add --non-interactive.');
    }
    const outcome = await runSetup(context.values, context.common.dataDir);
    if (context.common.json) {
      context.write(JSON.stringify({ ok: outcome.code === 0, changedFields: outcome.changedFields, problem: outcome.problem }));
    } else {
      for (const line of outcome.lines) context.write(line);
    }
    if (outcome.problem) process.stderr.write(`${outcome.problem}\n`);
    return outcome.code;
  },
};

/**
 * Saves the request through the app's own services (setup service, PIN gate, journal, outbox) and sends what they
 * queued for the family before returning. Field problems throw one UsageError with one sentence per line (exit 2).
 */
export async function runSetup(values: CommandContext['values'], dataDir: string): Promise<SetupOutcome> {
  const catalog = await catalogInForce(dataDir, (line) => process.stderr.write(`${line}\n`));
  const request = readSetupOptions(values, catalog);
  const alerts: AlertEvent[] = [];
  const outcome: SetupOutcome = { code: 0, lines: [], problem: null, changedFields: [] };
  let fieldProblems: string[] = [];
  let contactName = 'The trusted contact';
  const run = await withCommandServices(dataDir, async (services) => {
    const previous = services.settings();
    const result = await services.setup.save(setupInputFrom(request, previous));
    if (result.ok) {
      outcome.changedFields = result.changedFields;
      outcome.lines.push(`Settings saved in ${settingsPath(dataDir)}.`, ...describe(request, services.settings(), previous, catalog));
    } else if (result.refused === 'answers') {
      fieldProblems = Object.entries(result.fieldErrors).map(([field, message]) => `${optionOfField(field)}: ${message}`);
    } else {
      outcome.code = 1;
      outcome.problem = result.refused === 'pin' ? `${result.fieldErrors.currentPin ?? result.message} Nothing was changed.` : result.message;
    }
    contactName = services.settings().contacts[0]?.name ?? contactName;
  }, {
    beforeStart: (services) => services.onEvent((event) => {
      if (event.type === 'alert-queued' || event.type === 'alert-delivered' || event.type === 'alert-failed') alerts.push(event);
    }),
  });
  if (!run.ok) return { code: 1, lines: [], problem: run.problem, changedFields: [] };
  if (fieldProblems.length > 0) throw new UsageError(fieldProblems.join('\n'));
  outcome.lines.push(...toldLines(alerts, contactName));
  return outcome;
}

/** Whether the family heard of what this run did, one line per channel of each alert it queued. */
function toldLines(alerts: AlertEvent[], contactName: string): string[] {
  const ours = new Set(alerts.flatMap((event) => (event.type === 'alert-queued' ? [event.alertId] : [])));
  return alerts.flatMap((event) => {
    if (!ours.has(event.alertId)) return [];
    if (event.type === 'alert-delivered') return [`${contactName} was told by ${event.channel}.`];
    if (event.type !== 'alert-failed') return [];
    const after = event.permanent ? 'It is kept and sent once that way of sending is set up again.' : 'It is kept and sent again when Pause Guard runs.';
    return [`${contactName} could not be told by ${event.channel} yet. ${event.reason} ${after}`];
  });
}

/** Where an address sends to, without any login, password or secret path. */
function hostOf(address: string): string {
  try {
    return new URL(address).host || 'the server given';
  } catch {
    return 'the server given';
  }
}

function describe(request: SetupRequest, next: Settings, previous: Settings, catalog: Catalog): string[] {
  const contact = next.contacts[0];
  const lines = [`This computer belongs to: ${request.person}.`, `Trusted contact: ${request.contactName}.`];
  if (request.contactPhone !== undefined) lines.push(`Phone number shown on the warning screen: ${request.contactPhone}.`);
  if (request.contactEmail !== undefined && contact?.email) {
    const from = contact.email.from ? ` from ${contact.email.from}` : '';
    lines.push(`Alerts by email to ${contact.email.to}, sent${from} through ${hostOf(contact.email.smtpUrl)}.`);
  }
  if ((request.ntfy !== undefined || request.ntfyToken !== undefined) && contact?.ntfy) {
    lines.push(`Push alerts through ntfy at ${contact.ntfy.server}${contact.ntfy.token ? ', with an access token' : ''}.`);
  }
  if ((request.webhookUrl !== undefined || request.webhookSecret !== undefined) && contact?.webhook) {
    lines.push(`Alerts posted to a webhook at ${hostOf(contact.webhook.url)}${contact.webhook.secret ? ', signed with the secret given' : ''}.`);
  }
  if (request.pin !== undefined) lines.push(previous.pin ? 'Family PIN: changed.' : 'Family PIN: set.');
  if (request.region !== undefined) lines.push(`Region: ${REGION_NAMES[request.region]} (${request.region}).`);
  for (const helper of request.trust) {
    lines.push(`Trusted helper: ${catalog.byId(helper.toolId)?.name ?? helper.toolId} ${helper.remoteId}.`);
  }
  lines.push(`Start at login: ${next.startAtLogin ? 'on' : 'off'}.`);
  lines.push(`Weekly summary to ${request.contactName}: ${summaryTimeWords(next.weeklySummary, next.region)}.`);
  return lines;
}
