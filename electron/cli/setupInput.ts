// `setup --non-interactive`'s request laid over the saved settings as the setup window's form: what is not given keeps
// what is there, secrets not given are left empty (the setup service keeps the saved ones, as it does for the window).
import { remoteIdKey } from '../../shared/remoteId';
import type { Settings } from '../../shared/settings';
import type { SetupInput } from '../../shared/setup';
import type { SetupRequest } from './setupOptions';
import { UsageError } from './usageError';

export function setupInputFrom(request: SetupRequest, current: Settings): SetupInput {
  const saved = current.contacts[0];
  // The first contact is updated when the name matches, replaced (channels and all) otherwise.
  const same = saved !== undefined && saved.name.trim().toLowerCase() === request.contactName.toLowerCase();
  const base = same ? saved : null;

  const ntfy = request.ntfy ?? (base?.ntfy ? { server: base.ntfy.server, topic: base.ntfy.topic } : null);
  const email = request.contactEmail ?? base?.email?.to;
  const webhookUrl = request.webhookUrl ?? base?.webhook?.url;
  if (request.ntfyToken !== undefined && !ntfy) throw new UsageError('--ntfy-token needs --ntfy-url: the topic the token is for.');
  if (request.webhookSecret !== undefined && webhookUrl === undefined) {
    throw new UsageError('--webhook-secret needs --webhook-url: the address the alerts are posted to.');
  }
  const helpers = current.trustedHelpers.map(({ toolId, remoteId, label }) => ({ toolId, remoteId, label }));
  for (const helper of request.trust) {
    if (!helpers.some((h) => h.toolId === helper.toolId && remoteIdKey(h.remoteId) === remoteIdKey(helper.remoteId))) helpers.push(helper);
  }
  return {
    person: request.person,
    region: request.region ?? current.region,
    contact: {
      name: request.contactName,
      phone: request.contactPhone ?? base?.phone ?? '',
      ntfy: ntfy ? { ...ntfy, token: request.ntfyToken ?? '' } : null,
      email: email === undefined ? null : { to: email, smtpUrl: request.smtpUrl ?? '', from: request.smtpFrom ?? base?.email?.from ?? '' },
      webhook: webhookUrl === undefined ? null : { url: webhookUrl, secret: request.webhookSecret ?? '' },
    },
    newPin: request.pin ?? '',
    newPinAgain: request.pin ?? '',
    trustedHelpers: helpers,
    startAtLogin: request.startAtLogin,
    weeklySummary: {
      day: request.summaryDay ?? current.weeklySummary.day,
      hour: request.summaryTime?.hour ?? current.weeklySummary.hour,
      minute: request.summaryTime?.minute ?? current.weeklySummary.minute,
    },
    currentPin: request.pinCurrent ?? '',
    // Not given keeps the saved one, as the window's form does when it sends none.
    ...(request.pingUrl === undefined ? {} : { pingUrl: request.pingUrl }),
    ...(request.catalogUrl === undefined ? {} : { catalogUrl: request.catalogUrl }),
  };
}
