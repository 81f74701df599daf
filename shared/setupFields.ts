// Checks the setup window's form with the settings schema and gives one plain sentence per field that needs fixing.
// One source for the setup window (feedback while typing) and the setup service (the check that counts, for the window and the CLI alike). No Node or DOM imports.
import type { z } from 'zod';
import { validatePinFormat } from './pin';
import {
  ContactSchema,
  EmailChannelSchema,
  NtfyChannelSchema,
  CatalogUrlSchema,
  SettingsSchema,
  PingUrlSchema,
  TrustedHelperSchema,
  WebhookChannelSchema,
  WeeklySummaryTimeSchema,
} from './settings';
import type { SetupInput } from './setup';
import { readSmtpAddress, smtpSender } from './smtpAddress';
import { normalRemoteId } from './remoteId';

export const DEFAULT_NTFY_SERVER = 'https://ntfy.sh';

/** Field paths as SetupResult.fieldErrors keys them ("contact.email.to", "trustedHelpers.0.remoteId"). */
export type FieldErrors = Record<string, string>;

/** What the check needs to know about the settings already saved. */
export interface SetupFieldContext {
  /** A family PIN is set: leaving the new PIN empty keeps it, and saving needs the current one. */
  pinSet: boolean;
  /** A mail server address is saved, which an empty field keeps (it holds the password). */
  smtpUrlSaved: boolean;
  /** The saved mail server address has an email login, which alerts are sent from when no sender is written. */
  savedSmtpHasSender: boolean;
  /** The tools a helper may be trusted on. */
  trustableToolIds: readonly string[];
}

export const FIELD_MESSAGES = {
  person: 'Please write the name of the person who uses this computer.',
  noChannel: 'Please choose at least one way for Pause Guard to reach this person: the phone app, email or a webhook.',
  phone: 'A phone number uses digits, spaces and + ( ) - only.',
  smtpUrl: 'Please write the mail server address. It starts with smtp:// or smtps://.',
  smtpHost: 'The mail server address needs the server’s name, like smtps://ann@gmail.com:app-password@smtp.gmail.com:465.',
  smtpFrom: 'This mail server address has no email login to send from, so please write the address the alerts are sent from.',
  smtpTlsOff: 'Encryption can be turned off (?tls=off) only for a mail server on this computer, like smtp://127.0.0.1:25/?tls=off.',
  newPin: 'Please choose a family PIN of 4 to 8 digits.',
  pinMismatch: 'The two PINs are not the same. Please type the PIN again.',
  currentPin: 'Please type the current family PIN to save these changes.',
  tool: 'Please choose the program this helper uses.',
  remoteId: 'Please write the helper’s ID, as their program shows it.',
  summaryDay: 'Please choose the day for the weekly summary.',
  summaryTime: 'Please choose a time for the weekly summary, like 18:00.',
  pingUrl: 'A ping address is the whole web address your Healthchecks check shows, like https://hc-ping.com/ followed by its code.',
  catalogUrl: 'The address of your own copy of the list of remote-access programs must be a whole web address starting with https://.',
} as const;

const SMTP_ADDRESS_MESSAGES = {
  unreadable: FIELD_MESSAGES.smtpUrl,
  scheme: FIELD_MESSAGES.smtpUrl,
  'no-host': FIELD_MESSAGES.smtpHost,
  'tls-off-remote': FIELD_MESSAGES.smtpTlsOff,
} as const;

/** Zod's own messages are for programmers; these are for the family. A schema's own message always wins over them. */
function plainIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? 'Please fill this in.' : `This needs at least ${String(issue.minimum)} characters.`;
    case 'too_big':
      return `This is too long: ${String(issue.maximum)} characters at most.`;
    case 'invalid_format':
      if (issue.format === 'url') return 'That does not look like a web address. It starts with https://.';
      if (issue.format === 'email') return 'That does not look like an email address.';
      return 'Please check what is written here.';
    default:
      return 'Please check what is written here.';
  }
}

/** The first problem `schema` finds in `value`, as one plain sentence; null when there is none. */
function problem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value, { error: plainIssue });
  return result.success ? null : (result.error.issues[0]?.message ?? 'Please check what is written here.');
}

const PHONE = /^[0-9+()\-\s]*$/;

export function setupFieldErrors(input: SetupInput, context: SetupFieldContext): FieldErrors {
  const errors: FieldErrors = {};
  const check = (field: string, schema: z.ZodType, value: unknown): void => {
    const message = problem(schema, value);
    if (message) errors[field] = message;
  };

  if (input.person.trim() === '') errors.person = FIELD_MESSAGES.person;
  else check('person', SettingsSchema.shape.person, input.person);

  const { contact } = input;
  check('contact.name', ContactSchema.shape.name, contact.name);
  if (!PHONE.test(contact.phone)) errors['contact.phone'] = FIELD_MESSAGES.phone;
  else check('contact.phone', ContactSchema.shape.phone, contact.phone);
  if (!contact.ntfy && !contact.email && !contact.webhook) errors['contact.channels'] = FIELD_MESSAGES.noChannel;

  if (contact.ntfy) {
    if (contact.ntfy.server.trim() !== '') check('contact.ntfy.server', NtfyChannelSchema.shape.server, contact.ntfy.server.trim());
    check('contact.ntfy.topic', NtfyChannelSchema.shape.topic, contact.ntfy.topic.trim());
  }
  if (contact.email) {
    check('contact.email.to', EmailChannelSchema.shape.to, contact.email.to.trim());
    const smtpUrl = contact.email.smtpUrl.trim();
    const from = contact.email.from.trim();
    if (from !== '') check('contact.email.from', EmailChannelSchema.shape.from, from);
    const address = readSmtpAddress(smtpUrl);
    if (smtpUrl === '') {
      if (!context.smtpUrlSaved) errors['contact.email.smtpUrl'] = FIELD_MESSAGES.smtpUrl;
      else if (from === '' && !context.savedSmtpHasSender) errors['contact.email.from'] = FIELD_MESSAGES.smtpFrom;
    } else if (problem(EmailChannelSchema.shape.smtpUrl, smtpUrl)) {
      errors['contact.email.smtpUrl'] = FIELD_MESSAGES.smtpUrl;
    } else if (!address.ok) {
      errors['contact.email.smtpUrl'] = SMTP_ADDRESS_MESSAGES[address.problem];
    } else if (from === '' && smtpSender(smtpUrl, null) === null) {
      errors['contact.email.from'] = FIELD_MESSAGES.smtpFrom;
    }
  }
  if (contact.webhook) {
    check('contact.webhook.url', WebhookChannelSchema.shape.url, contact.webhook.url.trim());
    if (contact.webhook.secret !== '') check('contact.webhook.secret', WebhookChannelSchema.shape.secret, contact.webhook.secret);
  }

  if (input.newPin === '' && input.newPinAgain === '') {
    if (!context.pinSet) errors.newPin = FIELD_MESSAGES.newPin;
  } else {
    const format = validatePinFormat(input.newPin);
    if (format) errors.newPin = format;
    else if (input.newPinAgain !== input.newPin) errors.newPinAgain = FIELD_MESSAGES.pinMismatch;
  }
  if (context.pinSet && input.currentPin === '') errors.currentPin = FIELD_MESSAGES.currentPin;
  else if (context.pinSet) {
    const format = validatePinFormat(input.currentPin);
    if (format) errors.currentPin = format;
  }

  input.trustedHelpers.forEach((helper, index) => {
    if (!context.trustableToolIds.includes(helper.toolId)) errors[`trustedHelpers.${index}.toolId`] = FIELD_MESSAGES.tool;
    if (normalRemoteId(helper.remoteId) === '') errors[`trustedHelpers.${index}.remoteId`] = FIELD_MESSAGES.remoteId;
    else check(`trustedHelpers.${index}.remoteId`, TrustedHelperSchema.shape.remoteId, normalRemoteId(helper.remoteId));
    check(`trustedHelpers.${index}.label`, TrustedHelperSchema.shape.label, helper.label);
  });

  const pingUrl = input.pingUrl?.trim() ?? '';
  if (pingUrl !== '' && problem(PingUrlSchema, pingUrl)) errors.pingUrl = FIELD_MESSAGES.pingUrl;
  const catalogUrl = input.catalogUrl?.trim() ?? '';
  if (catalogUrl !== '' && problem(CatalogUrlSchema, catalogUrl)) errors.catalogUrl = FIELD_MESSAGES.catalogUrl;

  const summary = WeeklySummaryTimeSchema.shape;
  if (problem(summary.day, input.weeklySummary.day)) errors['weeklySummary.day'] = FIELD_MESSAGES.summaryDay;
  if (problem(summary.hour, input.weeklySummary.hour) || problem(summary.minute, input.weeklySummary.minute)) {
    errors['weeklySummary.time'] = FIELD_MESSAGES.summaryTime;
  }
  return errors;
}
