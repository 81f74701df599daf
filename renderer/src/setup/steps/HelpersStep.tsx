// Step 5: trusted helpers: a family member's own AnyDesk or TeamViewer ID, so their help does not stop the computer.
import { useLayoutEffect, useRef } from 'react';
import { FieldError, TextField } from '../TextField';
import { fieldId, helperRow, type HelperRow, type StepProps } from '../setupForm';

export function HelpersStep({ form, view, errors, update }: StepProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes once a row is added (its program box) or removed (the add button). */
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    (target === 'add' ? addButton.current : document.getElementById(target))?.focus();
  });

  const rows = form.helpers;
  const change = (index: number, patch: Partial<HelperRow>, field: string) =>
    update({ helpers: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) }, `trustedHelpers.${index}.${field}`);
  const add = () => {
    update({ helpers: [...rows, helperRow()] });
    focusNext.current = fieldId(`trustedHelpers.${rows.length}.toolId`);
  };
  // Errors are kept by row number, so removing a row drops all of them rather than pointing at the wrong row.
  const remove = (index: number) => {
    update({ helpers: rows.filter((_, i) => i !== index) }, ...rows.flatMap((_, i) => ['toolId', 'remoteId', 'label'].map((f) => `trustedHelpers.${i}.${f}`)));
    focusNext.current = 'add';
  };

  return (
    <>
      <p>
        If someone in the family helps with AnyDesk, TeamViewer or a similar program, add their ID here. Their help then does
        not stop the computer. You can skip this step.
      </p>
      {rows.length === 0 && <p className="note">No trusted helpers yet.</p>}
      {rows.map((row, index) => {
        const toolField = `trustedHelpers.${index}.toolId`;
        const toolError = errors[toolField];
        return (
          <fieldset key={row.key} className="helper">
            <legend>Helper {index + 1}</legend>
            <div className={`field${toolError ? ' field-invalid' : ''}`}>
              <label htmlFor={fieldId(toolField)}>Program they use</label>
              <select
                id={fieldId(toolField)}
                value={row.toolId}
                onChange={(event) => change(index, { toolId: event.target.value }, 'toolId')}
                aria-invalid={toolError ? true : undefined}
                aria-describedby={toolError ? `${fieldId(toolField)}-error` : undefined}
              >
                <option value="">Choose a program</option>
                {view.trustableTools.map((tool) => (
                  <option key={tool.toolId} value={tool.toolId}>
                    {tool.name}
                  </option>
                ))}
              </select>
              <FieldError id={`${fieldId(toolField)}-error`} error={toolError} />
            </div>
            <TextField
              field={`trustedHelpers.${index}.remoteId`}
              label="Their ID in that program"
              hint="As the program shows it, for example 123 456 789."
              value={row.remoteId}
              onChange={(remoteId) => change(index, { remoteId }, 'remoteId')}
              error={errors[`trustedHelpers.${index}.remoteId`]}
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
            />
            <TextField
              field={`trustedHelpers.${index}.label`}
              label="A name for this helper (optional)"
              hint="For example Dave’s AnyDesk."
              value={row.label}
              onChange={(label) => change(index, { label }, 'label')}
              error={errors[`trustedHelpers.${index}.label`]}
              autoComplete="off"
              maxLength={60}
            />
            <button type="button" className="secondary" onClick={() => remove(index)}>
              Remove helper {index + 1}
            </button>
          </fieldset>
        );
      })}
      {rows.length < 20 && (
        <button type="button" className="secondary" ref={addButton} onClick={add}>
          Add a helper
        </button>
      )}
    </>
  );
}
