// Sends one test alert straight to every configured channel (no outbox, no retries) and says, per channel, OK or why not.
// Used by `pauseguard test-alert` and by the setup window's "Send a test" button, through runTestAlert: at most one a
// minute, and every try journalled, sent or refused.
import { randomUUID } from 'node:crypto';
import type { AppRecord } from '../../../shared/journal';
import type { Settings } from '../../../shared/settings';
import type { TestAlertResult } from '../../../shared/setup';
import { composeAlert } from './alertMessage';
import { asDeliveryError, type Alert } from './channels/channel';
import { channelsFromSettings, type ChannelOptions } from './channelsFromSettings';
import { claimTestAlert } from './testAlertLimit';

export interface TestAlertRun {
  dataDir: string;
  settings: Pick<Settings, 'contacts' | 'person' | 'region'>;
  pcName: string;
  /** Journals the try (appServices' record()). */
  journal: (record: AppRecord) => Promise<void>;
  channels?: ChannelOptions;
  now?: () => Date;
}

/** The one way a test alert is asked for: refused in plain words within a minute of the last one, journalled either way. */
export async function runTestAlert(run: TestAlertRun): Promise<TestAlertResult> {
  const now = run.now ?? (() => new Date());
  const claim = run.settings.contacts.length === 0 ? { ok: true as const } : await claimTestAlert(run.dataDir, now);
  if (run.settings.contacts.length > 0) await run.journal({ type: 'test-alert', at: now().toISOString(), refused: !claim.ok });
  if (!claim.ok) return { results: [], refused: claim.message };
  return sendTestAlert(run.settings, run.pcName, { ...run.channels, now });
}

export async function sendTestAlert(
  settings: Pick<Settings, 'contacts' | 'person' | 'region'>,
  pcName: string,
  options: ChannelOptions & { now?: () => Date } = {},
): Promise<TestAlertResult> {
  const at = (options.now ?? (() => new Date()))();
  const channels = channelsFromSettings(settings, options);
  const contactName = settings.contacts.length === 1 ? (settings.contacts[0]?.name ?? 'you') : 'you';
  const alert: Alert = {
    id: randomUUID(),
    kind: 'test',
    createdAt: at.toISOString(),
    content: composeAlert({ kind: 'test', person: settings.person, pcName, contactName, at, region: settings.region }),
  };
  const results = await Promise.all(
    channels.map(async (channel) => {
      try {
        await channel.send(alert);
        return { channel: channel.channel, ok: true, message: `${channel.label}: OK` };
      } catch (error) {
        return { channel: channel.channel, ok: false, message: asDeliveryError(error, channel.label).reason };
      }
    }),
  );
  return { results };
}
