// Step 6: a summary to check at a glance, start at login, when the weekly summary is sent, an own copy of the list of
// remote-access programs (optional), the current PIN again only
// when the one the window was opened with was not taken, then saving.
// The test alert follows a save.
import { dayName, SUMMARY_DAYS } from '../../../../shared/summaryTime';
import { FieldError, TextField } from '../TextField';
import { fieldId, type StepProps } from '../setupForm';
import { CatalogUrlField } from './CatalogUrlField';
import { COUNTRY_NAMES } from './RegionStep';

export function FinishStep({ form, view, errors, update }: StepProps) {
  const ways = [form.useNtfy && 'the phone app', form.useEmail && 'email', form.useWebhook && 'webhook'].filter(Boolean).join(', ');
  const pin = form.newPin !== '' ? 'A new PIN is chosen.' : view.pinSet ? 'Stays as it is.' : 'Not chosen yet.';
  const helpers = form.helpers.length === 0 ? 'None' : form.helpers.map((h) => h.label.trim() || h.remoteId.trim()).join(', ');
  const who = form.contactName.trim() || 'the trusted contact';
  const dayField = 'weeklySummary.day';
  const dayError = errors[dayField];
  return (
    <>
      <p>Please check these, then save.</p>
      <dl className="summary">
        <dt>Computer of</dt>
        <dd>{form.person.trim()}</dd>
        <dt>Trusted contact</dt>
        <dd>
          {form.contactName.trim()}
          {form.phone.trim() && `, ${form.phone.trim()}`}, told by {ways}
        </dd>
        <dt>Family PIN</dt>
        <dd>{pin}</dd>
        <dt>Country</dt>
        <dd>{COUNTRY_NAMES[form.region]}</dd>
        <dt>Trusted helpers</dt>
        <dd>{helpers}</dd>
        <dt>Weekly summary</dt>
        <dd>
          {dayName(form.summaryDay)}
          {form.summaryTime && ` at ${form.summaryTime}`}
        </dd>
      </dl>
      <label className="check">
        <input type="checkbox" checked={form.startAtLogin} onChange={(event) => update({ startAtLogin: event.target.checked }, 'startAtLogin')} />
        <span>Start Pause Guard when this computer starts (recommended)</span>
      </label>
      <fieldset className="summary-time">
        <legend>When should {who} get the weekly summary?</legend>
        <div className={`field${dayError ? ' field-invalid' : ''}`}>
          <label htmlFor={fieldId(dayField)}>Day</label>
          <select
            id={fieldId(dayField)}
            value={form.summaryDay}
            onChange={(event) => update({ summaryDay: Number(event.target.value) }, dayField)}
            aria-invalid={dayError ? true : undefined}
            aria-describedby={dayError ? `${fieldId(dayField)}-error` : undefined}
          >
            {SUMMARY_DAYS.map((d) => (
              <option key={d.day} value={d.day}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldError id={`${fieldId(dayField)}-error`} error={dayError} />
        </div>
        <TextField
          field="weeklySummary.time"
          label="Time"
          hint="By this computer’s clock."
          type="time"
          value={form.summaryTime}
          onChange={(summaryTime) => update({ summaryTime }, 'weeklySummary.time')}
          error={errors['weeklySummary.time']}
        />
      </fieldset>
      <CatalogUrlField form={form} view={view} errors={errors} update={update} />
      {view.pinSet && form.askCurrentPin && (
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
