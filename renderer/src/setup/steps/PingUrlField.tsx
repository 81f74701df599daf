// The heartbeat ping URL on the contact step: for families without the ntfy app, a Healthchecks check that tells them
// when the pings stop (Pause Guard ended, the computer off or offline).
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function PingUrlField({ form, errors, update }: StepProps) {
  return (
    <TextField
      field="pingUrl"
      label="Ping address from healthchecks.io (optional)"
      hint="Pause Guard visits it every 5 minutes. Set the check to tell you when the visits stop, and you hear if Pause Guard is ended."
      type="url"
      value={form.pingUrl}
      onChange={(pingUrl) => update({ pingUrl }, 'pingUrl')}
      error={errors.pingUrl}
      autoComplete="off"
      spellCheck={false}
      maxLength={500}
    />
  );
}
