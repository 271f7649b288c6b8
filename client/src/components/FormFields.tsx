/** The labelled form fields and form ends the screens share. */
import { type ReactNode, useId } from 'react';
import { useT } from '../i18n';

/** A labelled text input (label bound by id; optional hint read with it). */
export function TextField({
  label,
  value,
  onChange,
  required,
  hint,
  inputMode,
  type = 'text',
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string;
  inputMode?: 'numeric' | 'tel' | 'decimal' | 'text';
  type?: 'text' | 'password';
  maxLength?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled select: `options` (value + label), an optional `empty` first choice, or `<option>` children. */
export function SelectField({
  label,
  value,
  onChange,
  options = [],
  empty,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** The text of a first choice with the value "" (none / choose). */
  empty?: string;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}

/** The message under a field: its error when there is one, else its hint (ids `<id>-error` / `<id>-hint`). */
export function FieldMessage({ id, error, hint }: { id: string; error: string | null; hint: string }) {
  return error ? (
    <p id={`${id}-error`} className="field__error">
      {error}
    </p>
  ) : (
    <p id={`${id}-hint`} className="field__hint">
      {hint}
    </p>
  );
}

/** A form's error, in an alert region that stays mounted so a screen reader announces the text when it appears. */
export function FormAlert({ error }: { error: string | null }) {
  return <div role="alert">{error && <p className="alert alert--error">{error}</p>}</div>;
}

/**
 * The two buttons ending a small inline form: submit (disabled while `busy`) and "Bỏ qua", which closes
 * the form without sending. `className` wraps them in a row of their own (e.g. `task-actions`).
 */
export function SubmitCancel({
  submit,
  busy,
  onCancel,
  className,
}: {
  submit: string;
  busy: boolean;
  onCancel: () => void;
  className?: string;
}) {
  const t = useT();
  const buttons = (
    <>
      <button type="submit" className="button button--primary button--small" disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button button--small button--secondary" onClick={onCancel}>
        {t('actions.abort')}
      </button>
    </>
  );
  return className ? <div className={className}>{buttons}</div> : buttons;
}
