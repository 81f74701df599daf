// The webhook channel: an address that gets each alert as JSON, signed with a secret when one is given.
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function WebhookChannel({ form, view, errors, update }: StepProps) {
  const hasSecret = view.contacts[0]?.webhook?.hasSecret ?? false;
  return (
    <div className="channel">
      <TextField
        field="contact.webhook.url"
        label="Webhook address"
        hint="Each alert is sent there as JSON, for example to Home Assistant."
        type="url"
        value={form.webhookUrl}
        onChange={(webhookUrl) => update({ webhookUrl }, 'contact.webhook.url')}
        error={errors['contact.webhook.url']}
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
      />
      <TextField
        field="contact.webhook.secret"
        label="Secret for signing (optional)"
        hint={hasSecret ? 'A secret is saved. Leave this empty to keep it.' : 'At least 16 characters. Each alert is then signed with it (HMAC-SHA256).'}
        type="password"
        value={form.webhookSecret}
        onChange={(webhookSecret) => update({ webhookSecret }, 'contact.webhook.secret')}
        error={errors['contact.webhook.secret']}
        autoComplete="off"
        maxLength={200}
      />
    </div>
  );
}
