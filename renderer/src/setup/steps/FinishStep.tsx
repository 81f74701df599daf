// Step 6: start at login, the current PIN when one is set (saving needs it), then saving; the test alert follows a save.
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function FinishStep({ form, view, errors, update }: StepProps) {
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={form.startAtLogin} onChange={(event) => update({ startAtLogin: event.target.checked }, 'startAtLogin')} />
        <span>Start Pause Guard when this computer starts (recommended)</span>
      </label>
      {view.pinSet && (
        <TextField
          field="currentPin"
          label="The family PIN now in use"
          hint="Saving changes needs the PIN that is set now."
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={8}
          value={form.currentPin}
          onChange={(currentPin) => update({ currentPin }, 'currentPin')}
          error={errors.currentPin}
        />
      )}
      <p>When you save, Pause Guard uses these settings at once. Then send a test alert to check that it arrives.</p>
    </>
  );
}
