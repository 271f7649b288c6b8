import { useId, useState } from 'react';
import { FieldMessage } from './FormFields';
import { useT } from '../i18n';

const TIME = /^\s*([01]?\d|2[0-3])[:.hg]([0-5]\d)\s*$/;

/** "8:00", "08.30", "14h15" → "08:00" / "08:30" / "14:15" (24 h), or null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/**
 * A time of day in 24 h "HH:mm" whatever the browser's locale (a native time input shows AM/PM in
 * en-US). `value`/`onChange` use "HH:mm"; onChange(null) while the text is not a time.
 */
export function TimeField({
  label,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (hhmm: string | null) => void;
  error?: string | null;
  name?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const invalid = text.trim() !== '' && parseTime(text) === null;
  const message = invalid ? t('time.invalid') : (error ?? null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        placeholder={t('time.placeholder')}
        autoComplete="off"
        value={text}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseTime(e.target.value));
        }}
      />
      <FieldMessage id={id} error={message} hint={t('time.hint')} />
    </div>
  );
}
