// Step 4: the country, so the advice and the phone numbers shown (bank, fraud line) are the right ones.
import type { Region } from '../../../../shared/settings';
import { RegionSchema } from '../../../../shared/settings';
import type { StepProps } from '../setupForm';

export const COUNTRY_NAMES: Record<Region, string> = {
  GB: 'United Kingdom',
  IE: 'Ireland',
  US: 'United States',
  CA: 'Canada',
  AU: 'Australia',
};

export function RegionStep({ form, update }: StepProps) {
  return (
    <fieldset className="choices">
      <legend>Which country is this computer in? Pause Guard shows advice and phone numbers for it.</legend>
      {RegionSchema.options.map((region) => (
        <label key={region} className="check">
          <input type="radio" name="region" value={region} checked={form.region === region} onChange={() => update({ region }, 'region')} />
          <span>{COUNTRY_NAMES[region]}</span>
        </label>
      ))}
    </fieldset>
  );
}
