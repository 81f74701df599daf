// Builds the list of channels alerts go out on from the settings: every contact's ntfy, email and webhook.
import { createHash } from 'node:crypto';
import type { AlertChannel } from '../../../shared/events';
import type { Settings } from '../../../shared/settings';
import type { ChannelSender } from './channels/channel';
import { createEmailChannel } from './channels/email';
import { createNtfyChannel } from './channels/ntfy';
import { createWebhookChannel } from './channels/webhook';
import type { NtfyBudget } from './ntfyBudget';

const LABELS: Record<AlertChannel, string> = { ntfy: 'ntfy', email: 'Email', webhook: 'Webhook' };

export interface ChannelOptions {
  /** Per-send timeout; each channel's own (about 10 s) when not given. */
  timeoutMs?: number;
  /** Counts every ntfy publish against the server's daily limit. */
  ntfyBudget?: NtfyBudget;
}

export function channelsFromSettings(settings: Pick<Settings, 'contacts'>, options: ChannelOptions = {}): ChannelSender[] {
  const several = settings.contacts.length > 1;
  const label = (channel: AlertChannel, contactName: string): string =>
    several ? `${LABELS[channel]} to ${contactName}` : LABELS[channel];
  const channels: ChannelSender[] = [];
  for (const contact of settings.contacts) {
    if (contact.ntfy) {
      const key = channelKey('ntfy', `${contact.ntfy.server}|${contact.ntfy.topic}`);
      channels.push(createNtfyChannel(contact.ntfy, key, label('ntfy', contact.name), options.timeoutMs, options.ntfyBudget));
    }
    if (contact.email) {
      const key = channelKey('email', `${contact.email.smtpUrl}|${contact.email.to}`);
      channels.push(createEmailChannel(contact.email, key, label('email', contact.name), options.timeoutMs));
    }
    if (contact.webhook) {
      const key = channelKey('webhook', contact.webhook.url);
      channels.push(createWebhookChannel(contact.webhook, key, label('webhook', contact.name), options.timeoutMs));
    }
  }
  return dedupe(channels);
}

/** "email:" and 16 hex digits of a hash of the destination: stable, and no address or secret in the outbox's keys. */
export function channelKey(channel: AlertChannel, destination: string): string {
  return `${channel}:${createHash('sha256').update(destination).digest('hex').slice(0, 16)}`;
}

/** Two contacts sharing one destination get the alert once. */
function dedupe(channels: ChannelSender[]): ChannelSender[] {
  const seen = new Set<string>();
  return channels.filter((c) => !seen.has(c.key) && seen.add(c.key));
}
