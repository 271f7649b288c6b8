import { type ChangeEvent, useId, useState } from 'react';
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
 * The state and input wiring of a field whose text is parsed as it is typed (dates, times, money):
 * the text is the field's own, the parent gets the parsed value or null, and the message under the
 * field is why the text does not parse, else the server's error. One place keeps the accessibility
 * wiring (aria-invalid, aria-describedby naming {@link FieldMessage}'s ids) the same for all of them.
 */
export function useParsedText({
  value,
  onChange,
  error,
  name,
  parse,
  format,
  invalidText,
}: Omit<ParsedFieldProps, 'label'> & {
  /** The value the text stands for, or null while it stands for none. */
  parse: (text: string) => string | null;
  /** The text shown for a value given by the parent. */
  format: (value: string) => string;
  /** Why a non-empty text does not parse (shown under the field). */
  invalidText: (text: string) => string;
}) {
  const id = useId();
  const [text, setText] = useState(value ? format(value) : '');
  const parsed = parse(text);
  const message = text.trim() !== '' && parsed === null ? invalidText(text) : (error ?? null);
  return {
    id,
    parsed,
    message,
    setText,
    /** Spread on the `<input>`. */
    input: {
      id,
      name,
      type: 'text',
      inputMode: 'numeric',
      autoComplete: 'off',
      value: text,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? `${id}-error` : `${id}-hint`,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      },
    } as const,
  };
}

/**
 * A text input that the user types in a fixed local form (dd/mm/yyyy, HH:mm) and that reports the
 * parsed value, or null while the text does not parse. Native date/time inputs follow the browser's
 * locale (mm/dd/yyyy, AM/PM in en-US), which officials must never see. `messages` is the i18n key
 * prefix of the field's hint, placeholder and "invalid" texts.
 */
export function ParsedTextField({
  label,
  parse,
  format,
  messages,
  ...props
}: ParsedFieldProps & {
  parse: (text: string) => string | null;
  format: (value: string) => string;
  messages: 'date' | 'time';
}) {
  const t = useT();
  const field = useParsedText({ ...props, parse, format, invalidText: () => t(`${messages}.invalid`) });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input {...field.input} placeholder={t(`${messages}.placeholder`)} />
      <FieldMessage id={field.id} error={field.message} hint={t(`${messages}.hint`)} />
    </div>
  );
}
