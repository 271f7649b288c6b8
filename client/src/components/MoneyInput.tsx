import { useId, useState } from 'react';
import { FieldMessage } from './FormFields';
import { type MessageKey, useT } from '../i18n';
import { groupMoney, parseMoney } from '../lib/money';

/**
 * The one money field of the app: the person types "777.000.000" or "777000000"; the parent gets the
 * exact decimal string of đồng (or null while the text is not an amount). The text is regrouped on
 * blur so what was understood is visible before submitting.
 */
export function MoneyInput({
  label,
  value,
  onChange,
  error,
  allowZero,
  name,
}: {
  label: string;
  /** The amount as a decimal string of đồng, or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  /** A server-side message for this field (shown under it). */
  error?: string | null;
  allowZero?: boolean;
  name?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value ? groupMoney(value) : '');
  const parsed = parseMoney(text, { allowZero });
  const problem = text.trim() !== '' && !parsed.ok ? t(`money.error.${parsed.problem}` as MessageKey) : null;
  const message = problem ?? error ?? null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="money-input">
        <input
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseMoney(e.target.value, { allowZero });
            onChange(next.ok ? next.value : null);
          }}
          onBlur={() => parsed.ok && setText(groupMoney(parsed.value))}
        />
        <span className="money-input__unit" aria-hidden="true">
          đ
        </span>
      </div>
      <FieldMessage id={id} error={message} hint={t('money.hint')} />
    </div>
  );
}
