// Checks the setup window's form with the settings schema and gives one plain sentence per field that needs fixing.
// One source for the setup window (feedback while typing) and the main process (the check that counts). No Node or DOM imports.
import type { z } from 'zod';
import { validatePinFormat } from './pin';
import {
  ContactSchema,
  EmailChannelSchema,
  NtfyChannelSchema,
  SettingsSchema,
  PingUrlSchema,
  TrustedHelperSchema,
  WebhookChannelSchema,
  WeeklySummaryTimeSchema,
} from './settings';
import type { SetupInput } from './setup';

export const DEFAULT_NTFY_SERVER = 'https://ntfy.sh';

/** Field paths as SetupResult.fieldErrors keys them ("contact.email.to", "trustedHelpers.0.remoteId"). */
export type FieldErrors = Record<string, string>;

/** What the check needs to know about the settings already saved. */
export interface SetupFieldContext {
  /** A family PIN is set: leaving the new PIN empty keeps it, and saving needs the current one. */
  pinSet: boolean;
  /** A mail server address is saved, which an empty field keeps (it holds the password). */
  smtpUrlSaved: boolean;
  /** The tools a helper may be trusted on. */
  trustableToolIds: readonly string[];
}

export const FIELD_MESSAGES = {
  person: 'Please write the name of the person who uses this computer.',
  noChannel: 'Please choose at least one way for Pause Guard to reach this person: the phone app, email or a webhook.',
  phone: 'A phone number uses digits, spaces and + ( ) - only.',
  smtpUrl: 'Please write the mail server address. It starts with smtp:// or smtps://.',
  smtpHost: 'The mail server address needs the server’s name, like smtps://ann@gmail.com:app-password@smtp.gmail.com:465.',
  smtpLogin: 'Alerts are sent from the login in this address, so it must be an email address, like smtps://ann@gmail.com:app-password@smtp.gmail.com:465.',
  newPin: 'Please choose a family PIN of 4 to 8 digits.',
  pinMismatch: 'The two PINs are not the same. Please type the PIN again.',
  currentPin: 'Please type the current family PIN to save these changes.',
  tool: 'Please choose the program this helper uses.',
  remoteId: 'Please write the helper’s ID, as their program shows it.',
  summaryDay: 'Please choose the day for the weekly summary.',
  summaryTime: 'Please choose a time for the weekly summary, like 18:00.',
  pingUrl: 'A ping address is the whole web address your Healthchecks check shows, like https://hc-ping.com/ followed by its code.',
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
    if (smtpUrl === '') {
      if (!context.smtpUrlSaved) errors['contact.email.smtpUrl'] = FIELD_MESSAGES.smtpUrl;
    } else if (problem(EmailChannelSchema.shape.smtpUrl, smtpUrl)) {
      errors['contact.email.smtpUrl'] = FIELD_MESSAGES.smtpUrl;
    } else if (!hasHost(smtpUrl)) {
      errors['contact.email.smtpUrl'] = FIELD_MESSAGES.smtpHost;
    } else if (!loginIsEmail(smtpUrl)) {
      errors['contact.email.smtpUrl'] = FIELD_MESSAGES.smtpLogin;
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

  const summary = WeeklySummaryTimeSchema.shape;
  if (problem(summary.day, input.weeklySummary.day)) errors['weeklySummary.day'] = FIELD_MESSAGES.summaryDay;
  if (problem(summary.hour, input.weeklySummary.hour) || problem(summary.minute, input.weeklySummary.minute)) {
    errors['weeklySummary.time'] = FIELD_MESSAGES.summaryTime;
  }
  return errors;
}

/** A remote ID as saved: the spaces tools print between groups of digits taken out ("123 456 789" -> "123456789"). */
export function normalRemoteId(remoteId: string): string {
  return remoteId.replace(/\s+/g, '');
}

/** The email channel sends from the SMTP login, so the login has to be an address: ann@gmail.com, not ann. */
function loginIsEmail(smtpUrl: string): boolean {
  try {
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(new URL(smtpUrl).username));
  } catch {
    return false;
  }
}

function hasHost(smtpUrl: string): boolean {
  try {
    return new URL(smtpUrl).hostname !== '';
  } catch {
    return false;
  }
}
