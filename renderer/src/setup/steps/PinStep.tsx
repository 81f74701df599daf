// Step 3: the family PIN, typed twice, hidden as it is typed. It guards pausing, changing settings and quitting.
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function PinStep({ form, view, errors, update }: StepProps) {
  return (
    <>
      <p>
        The PIN is needed to pause Pause Guard, change these settings or carry on past a warning. Keep it in the family, and
        never tell it to anyone who calls.
      </p>
      {view.pinSet && <p className="note">A PIN is already set. Leave both boxes empty to keep it.</p>}
      <TextField
        field="newPin"
        label={view.pinSet ? 'New family PIN (4 to 8 digits)' : 'Family PIN (4 to 8 digits)'}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={8}
        value={form.newPin}
        onChange={(newPin) => update({ newPin }, 'newPin', 'newPinAgain')}
        error={errors.newPin}
      />
      <TextField
        field="newPinAgain"
        label="Type the same PIN again"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={8}
        value={form.newPinAgain}
        onChange={(newPinAgain) => update({ newPinAgain }, 'newPinAgain')}
        error={errors.newPinAgain}
      />
    </>
  );
}
