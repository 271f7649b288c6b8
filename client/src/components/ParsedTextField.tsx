import { useId, useState } from 'react';
import { FieldMessage } from './FormFields';
import { useT } from '../i18n';

/** The props DateField and TimeField share: a label, the parsed value, and a server error to show. */
export interface ParsedFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | null;
  name?: string;
}

/**
 * A text input that the user types in a fixed local form (dd/mm/yyyy, HH:mm) and that reports the
 * parsed value, or null while the text does not parse. Native date/time inputs follow the browser's
 * locale (mm/dd/yyyy, AM/PM in en-US), which officials must never see. `messages` is the i18n key
 * prefix of the field's hint, placeholder and "invalid" texts.
 */
export function ParsedTextField({
  label,
  value,
  onChange,
  error,
  name,
  parse,
  format,
  messages,
}: ParsedFieldProps & {
  parse: (text: string) => string | null;
  format: (value: string) => string;
  messages: 'date' | 'time';
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value ? format(value) : '');
  const invalid = text.trim() !== '' && parse(text) === null;
  const message = invalid ? t(`${messages}.invalid`) : (error ?? null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        placeholder={t(`${messages}.placeholder`)}
        autoComplete="off"
        value={text}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value));
        }}
      />
      <FieldMessage id={id} error={message} hint={t(`${messages}.hint`)} />
    </div>
  );
}
