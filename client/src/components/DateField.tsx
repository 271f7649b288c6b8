import { useId, useState } from 'react';
import { FieldMessage } from './FormFields';
import { useT } from '../i18n';
import { isoToDayMonthYear, parseDayMonthYear } from '../lib/date-text';

/**
 * A date field in dd/mm/yyyy whatever the browser's locale (a native `<input type=date>` shows
 * mm/dd/yyyy in en-US Chromium). `value` and `onChange` use ISO "yyyy-mm-dd"; onChange(null) while
 * the text is not a date. Shared: any form that needs a calendar date uses it.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | null;
  name?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value ? isoToDayMonthYear(value) : '');
  const invalid = text.trim() !== '' && parseDayMonthYear(text) === null;
  const message = invalid ? t('date.invalid') : (error ?? null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        placeholder={t('date.placeholder')}
        autoComplete="off"
        value={text}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseDayMonthYear(e.target.value));
        }}
      />
      <FieldMessage id={id} error={message} hint={t('date.hint')} />
    </div>
  );
}
