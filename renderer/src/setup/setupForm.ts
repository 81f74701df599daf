// The setup window's form: its state made from what the main process shows, the steps and the fields on each, and the
// input sent to saveSetup. Secrets start empty: an empty secret keeps the saved one.
import type { Region } from '../../../shared/settings';
import type { SetupInput, SetupView } from '../../../shared/setup';
import type { FieldErrors } from '../../../shared/setupFields';
import { parseClockTime, summaryTimeValue } from '../../../shared/summaryTime';

export interface HelperRow {
  /** A key for React that stays with the row when another row is removed. */
  key: number;
  toolId: string;
  remoteId: string;
  label: string;
}

export interface SetupForm {
  person: string;
  contactName: string;
  phone: string;
  useNtfy: boolean;
  ntfyServer: string;
  ntfyTopic: string;
  ntfyToken: string;
  useEmail: boolean;
  emailTo: string;
  smtpUrl: string;
  /** The sender address, for a mail server that takes no login; empty sends from the login. */
  emailFrom: string;
  useWebhook: boolean;
  webhookUrl: string;
  webhookSecret: string;
  /** The heartbeat ping URL, empty for none. */
  pingUrl: string;
  /** A self-hosted copy of the signed list of remote-access programs, empty for the one Pause Guard publishes. */
  catalogUrl: string;
  newPin: string;
  newPinAgain: string;
  region: Region;
  helpers: HelperRow[];
  startAtLogin: boolean;
  /** The weekly summary's day (0 = Sunday) and its time as the time box holds it ("18:00", empty while unfinished). */
  summaryDay: number;
  summaryTime: string;
  /** The PIN the window was opened with (or typed again on the last step); saving needs it once a PIN is set. */
  currentPin: string;
  /** Ask for the current PIN on the last step: the PIN the window was opened with was not taken when saving. */
  askCurrentPin: boolean;
}

export const STEPS = [
  { id: 'person', title: 'Whose computer is this?', fields: (field: string) => field === 'person' },
  { id: 'contact', title: 'The trusted contact', fields: (field: string) => field.startsWith('contact.') || field === 'pingUrl' },
  { id: 'pin', title: 'The family PIN', fields: (field: string) => field === 'newPin' || field === 'newPinAgain' },
  { id: 'region', title: 'Where you live', fields: (field: string) => field === 'region' },
  { id: 'helpers', title: 'Trusted helpers', fields: (field: string) => field.startsWith('trustedHelpers.') },
  { id: 'finish', title: 'Save and test', fields: (field: string) => field === 'startAtLogin' || field === 'currentPin' || field === 'catalogUrl' || field.startsWith('weeklySummary.') },
] as const;

/** The errors that belong on one step. */
export function errorsOfStep(errors: FieldErrors, step: number): FieldErrors {
  const belongs = STEPS[step]?.fields ?? (() => false);
  return Object.fromEntries(Object.entries(errors).filter(([field]) => belongs(field)));
}

/** The first step with an error on it, or null. */
export function firstStepWithError(errors: FieldErrors): number | null {
  const step = STEPS.findIndex((s) => Object.keys(errors).some((field) => s.fields(field)));
  return step === -1 ? null : step;
}

let nextKey = 1;
export const helperRow = (toolId = '', remoteId = '', label = ''): HelperRow => ({ key: nextKey++, toolId, remoteId, label });

/** `pin`: the family PIN the window was opened with, kept to save with (empty before any PIN is set). */
export function formFromView(view: SetupView, pin = ''): SetupForm {
  const contact = view.contacts[0];
  const suggestion = view.ntfySuggestion;
  return {
    person: view.person ?? '',
    contactName: contact?.name ?? '',
    phone: contact?.phone ?? '',
    // Push is the easiest way to hear about a scam in time: offered from the start when nothing is set up yet.
    useNtfy: contact ? contact.ntfy !== null : true,
    ntfyServer: contact?.ntfy?.server ?? suggestion.server,
    ntfyTopic: contact?.ntfy?.topic ?? suggestion.topic,
    ntfyToken: '',
    useEmail: contact?.email != null,
    emailTo: contact?.email?.to ?? '',
    smtpUrl: '',
    emailFrom: contact?.email?.from ?? '',
    useWebhook: contact?.webhook != null,
    webhookUrl: contact?.webhook?.url ?? '',
    webhookSecret: '',
    pingUrl: view.pingUrl ?? '',
    catalogUrl: view.catalogUrl ?? '',
    newPin: '',
    newPinAgain: '',
    region: view.region,
    helpers: view.trustedHelpers.map((h) => helperRow(h.toolId, h.remoteId, h.label)),
    startAtLogin: view.startAtLogin,
    summaryDay: view.weeklySummary.day,
    summaryTime: summaryTimeValue(view.weeklySummary),
    currentPin: pin,
    askCurrentPin: view.pinSet && pin === '',
  };
}

export function inputFromForm(form: SetupForm): SetupInput {
  // A time box left unfinished is no time: NaN, which the field check answers with a plain sentence.
  const time = parseClockTime(form.summaryTime) ?? { hour: Number.NaN, minute: Number.NaN };
  return {
    person: form.person,
    region: form.region,
    contact: {
      name: form.contactName,
      phone: form.phone,
      ntfy: form.useNtfy ? { server: form.ntfyServer, topic: form.ntfyTopic, token: form.ntfyToken } : null,
      email: form.useEmail ? { to: form.emailTo, smtpUrl: form.smtpUrl, from: form.emailFrom } : null,
      webhook: form.useWebhook ? { url: form.webhookUrl, secret: form.webhookSecret } : null,
    },
    newPin: form.newPin,
    newPinAgain: form.newPinAgain,
    trustedHelpers: form.helpers.map(({ toolId, remoteId, label }) => ({ toolId, remoteId, label })),
    startAtLogin: form.startAtLogin,
    weeklySummary: { day: form.summaryDay, hour: time.hour, minute: time.minute },
    currentPin: form.currentPin,
    pingUrl: form.pingUrl,
    catalogUrl: form.catalogUrl,
  };
}

/** The element id of a field ("contact.email.to" -> "setup-contact-email-to"), so errors can point at their field. */
export const fieldId = (field: string): string => `setup-${field.replace(/\./g, '-')}`;

/** What every step gets: the form, what the main process showed, the errors, and a way to change the form. */
export interface StepProps {
  form: SetupForm;
  view: SetupView;
  errors: FieldErrors;
  /** Changes the form and clears the errors of the fields named, since they were just edited. */
  update: (patch: Partial<SetupForm>, ...editedFields: string[]) => void;
}
