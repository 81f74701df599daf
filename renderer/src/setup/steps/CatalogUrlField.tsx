// The address of a self-hosted copy of the signed list of remote-access programs, on the last step: optional, for a
// family that keeps its own copy; empty uses the list Pause Guard publishes. The main process checks it as the CLI does.
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function CatalogUrlField({ form, errors, update }: StepProps) {
  return (
    <TextField
      field="catalogUrl"
      label="Your own copy of the list of remote-access programs (optional)"
      hint="Leave this empty to get the list Pause Guard publishes. Only a list signed by Pause Guard is used; the address starts with https://."
      type="url"
      value={form.catalogUrl}
      onChange={(catalogUrl) => update({ catalogUrl }, 'catalogUrl')}
      error={errors.catalogUrl}
      autoComplete="off"
      spellCheck={false}
      maxLength={500}
    />
  );
}
