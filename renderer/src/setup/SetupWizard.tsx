// The setup steps one at a time, with "Step 2 of 6", Back and Next. Each step is checked before moving on (the same
// rules the main process uses); the main process's own answer is shown at the field it names, on that field's step.
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { SetupView } from '../../../shared/setup';
import { setupFieldErrors, type FieldErrors } from '../../../shared/setupFields';
import { errorsOfStep, firstStepWithError, formFromView, inputFromForm, STEPS, type SetupForm, type StepProps } from './setupForm';
import { ContactStep } from './steps/ContactStep';
import { FinishStep } from './steps/FinishStep';
import { HelpersStep } from './steps/HelpersStep';
import { PersonStep } from './steps/PersonStep';
import { PinStep } from './steps/PinStep';
import { RegionStep } from './steps/RegionStep';
import { TestAlertSection } from './TestAlertSection';

const STEP_BODIES = [PersonStep, ContactStep, PinStep, RegionStep, HelpersStep] as const;

type Focus = 'heading' | 'first-error' | 'outcome' | null;
type Outcome = { kind: 'saved' } | { kind: 'problem'; message: string } | null;

interface SetupWizardProps {
  api: PauseGuardApi;
  initialView: SetupView;
  /** The family PIN the window was opened with; empty before any PIN is set. */
  pin: string;
  onDone?: () => void;
}

export function SetupWizard({ api, initialView, pin, onDone }: SetupWizardProps) {
  const [view, setView] = useState(initialView);
  const [form, setForm] = useState<SetupForm>(() => formFromView(initialView, pin));
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const focus = useRef<Focus>('heading');
  const heading = useRef<HTMLHeadingElement>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const outcomeElement = useRef<HTMLDivElement>(null);

  // Before paint, first render included: the window opens with focus on the step's heading, where reading starts.
  useLayoutEffect(() => {
    const target = focus.current;
    focus.current = null;
    if (target === 'heading') heading.current?.focus();
    if (target === 'first-error') formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    if (target === 'outcome') outcomeElement.current?.focus();
  });

  const update: StepProps['update'] = (patch, ...editedFields) => {
    setForm((current) => ({ ...current, ...patch }));
    if (editedFields.length > 0) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !editedFields.includes(field))));
    setOutcome((current) => (current?.kind === 'problem' ? null : current));
  };

  const check = (): FieldErrors =>
    setupFieldErrors(inputFromForm(form), {
      pinSet: view.pinSet,
      smtpUrlSaved: view.contacts[0]?.email != null,
      savedSmtpHasSender: view.contacts[0]?.email?.sendsFromLogin === true,
      trustableToolIds: view.trustableTools.map((tool) => tool.toolId),
    });

  const goTo = (next: number) => {
    setStep(next);
    setOutcome(null);
    focus.current = 'heading';
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    setStep(firstStepWithError(found) ?? step);
    focus.current = 'first-error';
  };

  const next = () => {
    const found = errorsOfStep(check(), step);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      focus.current = 'first-error';
      return;
    }
    setErrors({});
    goTo(step + 1);
  };

  const save = async () => {
    const found = check();
    if (Object.keys(found).length > 0) return showErrors(found);
    setSaving(true);
    setOutcome(null);
    try {
      const result = await api.saveSetup(inputFromForm(form));
      if (!result.ok) {
        if (result.fieldErrors.currentPin !== undefined) setForm((current) => ({ ...current, askCurrentPin: true }));
        if (result.message) setOutcome({ kind: 'problem', message: result.message });
        if (Object.keys(result.fieldErrors).length > 0) return showErrors(result.fieldErrors);
        focus.current = 'outcome';
        return;
      }
      const pinNow = form.newPin || form.currentPin;
      const fresh = await api.getSetup({ pin: pinNow });
      if (!fresh.locked) {
        setView(fresh);
        setForm({ ...formFromView(fresh, pinNow), startAtLogin: form.startAtLogin });
      }
      setErrors({});
      setOutcome({ kind: 'saved' });
      focus.current = 'outcome';
    } catch (error) {
      setOutcome({ kind: 'problem', message: error instanceof Error ? error.message : String(error) });
      focus.current = 'outcome';
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step < STEPS.length - 1) next();
    else void save();
  };

  const last = step === STEPS.length - 1;
  /** Saved on the last step: what is left is the test alert and finishing. */
  const done = last && outcome?.kind === 'saved';
  const props: StepProps = { form, view, errors, update };
  const Body = STEP_BODIES[step];
  const current = STEPS[step]!;

  return (
    <main className="page setup">
      <nav aria-label="Setup steps" className="progress">
        <p className="progress-count">
          Step {step + 1} of {STEPS.length}
        </p>
        <ol>
          {STEPS.map((s, index) => (
            <li key={s.id} aria-current={index === step ? 'step' : undefined} className={index < step ? 'done' : undefined}>
              <span className="visually-hidden">
                {index < step ? 'Done: ' : ''}
                {s.title}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <h1 id="page-heading" ref={heading} tabIndex={-1}>
        {current.title}
      </h1>
      <form ref={formElement} onSubmit={submit} noValidate>
        {!done && (Body ? <Body {...props} /> : <FinishStep {...props} />)}
        {outcome && (
          <div
            ref={outcomeElement}
            tabIndex={-1}
            role={outcome.kind === 'saved' ? 'status' : 'alert'}
            className={`outcome outcome-${outcome.kind}`}
          >
            {outcome.kind === 'saved' ? (
              <p>
                Saved. Pause Guard will tell {view.contacts[0]?.name ?? 'the contact'} if something looks like a scam.
              </p>
            ) : (
              <p>{outcome.message}</p>
            )}
          </div>
        )}
        {done && <TestAlertSection api={api} contactName={view.contacts[0]?.name ?? 'the contact'} />}
        <div className="wizard-buttons">
          {step > 0 && (
            <button type="button" className="secondary" onClick={() => goTo(step - 1)}>
              Back
            </button>
          )}
          {!last && <button type="submit">Next</button>}
          {last && !done && (
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
          )}
          {done && onDone && (
            <button type="button" onClick={onDone}>
              Finish
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
