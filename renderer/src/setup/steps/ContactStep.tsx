// Step 2: the trusted contact: their name, the number shown on the pause page, and how Pause Guard reaches them.
import { FieldError, TextField } from '../TextField';
import { fieldId, type StepProps } from '../setupForm';
import { EmailChannel } from './EmailChannel';
import { NtfyChannel } from './NtfyChannel';
import { PingUrlField } from './PingUrlField';
import { WebhookChannel } from './WebhookChannel';

export function ContactStep(props: StepProps) {
  const { form, errors, update } = props;
  const who = form.contactName.trim() || 'them';
  const channelsError = errors['contact.channels'];
  const channelsErrorId = `${fieldId('contact.channels')}-error`;
  const channelBox = (key: 'useNtfy' | 'useEmail' | 'useWebhook', label: string, first = false) => (
    <label className="check">
      <input
        type="checkbox"
        id={first ? fieldId('contact.channels') : undefined}
        checked={form[key]}
        onChange={(event) => update({ [key]: event.target.checked }, 'contact.channels')}
        aria-invalid={first && channelsError ? true : undefined}
        aria-describedby={channelsError ? channelsErrorId : undefined}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <>
      <p>This is the family member Pause Guard tells at once when something looks like a scam.</p>
      <TextField
        field="contact.name"
        label="Their name"
        hint="For example Dave. The person at the computer sees: “Call Dave first”."
        value={form.contactName}
        onChange={(contactName) => update({ contactName }, 'contact.name')}
        error={errors['contact.name']}
        autoComplete="off"
        maxLength={60}
      />
      <TextField
        field="contact.phone"
        label="Their phone number (optional)"
        hint="Shown in large type on the pause page, so the person can ring them."
        type="tel"
        value={form.phone}
        onChange={(phone) => update({ phone }, 'contact.phone')}
        error={errors['contact.phone']}
        autoComplete="off"
        maxLength={30}
      />
      <fieldset className="channels">
        <legend>How should Pause Guard tell {who}? Choose one or more.</legend>
        <FieldError id={channelsErrorId} error={channelsError} />
        {channelBox('useNtfy', 'A message on their phone (the free ntfy app), recommended', true)}
        {form.useNtfy && <NtfyChannel {...props} />}
        {channelBox('useEmail', 'An email')}
        {form.useEmail && <EmailChannel {...props} />}
        {channelBox('useWebhook', 'A webhook (for Home Assistant and similar)')}
        {form.useWebhook && <WebhookChannel {...props} />}
      </fieldset>
      <PingUrlField {...props} />
    </>
  );
}
