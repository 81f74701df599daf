// Step 1: whose computer this is; the name is used in alerts ("Margaret's computer") and on the pause page.
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function PersonStep({ form, errors, update }: StepProps) {
  return (
    <>
      <p>Pause Guard watches this computer for the programs scammers use to take control, and tells the family.</p>
      <TextField
        field="person"
        label="The name of the person who uses this computer"
        hint="Write it as the family says it, for example Mum or Margaret."
        value={form.person}
        onChange={(person) => update({ person }, 'person')}
        error={errors.person}
        autoComplete="off"
        maxLength={60}
      />
    </>
  );
}
