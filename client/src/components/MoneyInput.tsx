import { FieldMessage } from './FormFields';
import { useParsedText } from './ParsedTextField';
import { type MessageKey, useT } from '../i18n';
import { groupMoney, parseMoney } from '../lib/money';

/**
 * The one money field of the app: the person types "777.000.000" or "777000000"; the parent gets the
 * exact decimal string of đồng (or null while the text is not an amount). The text is regrouped on
 * blur so what was understood is visible before submitting.
 */
export function MoneyInput({
  label,
  allowZero,
  ...props
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
  const field = useParsedText({
    ...props,
    parse: (text) => {
      const parsed = parseMoney(text, { allowZero });
      return parsed.ok ? parsed.value : null;
    },
    format: groupMoney,
    invalidText: (text) => {
      const parsed = parseMoney(text, { allowZero });
      return parsed.ok ? '' : t(`money.error.${parsed.problem}` as MessageKey);
    },
  });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <div className="money-input">
        <input {...field.input} onBlur={() => field.parsed !== null && field.setText(groupMoney(field.parsed))} />
        <span className="money-input__unit" aria-hidden="true">
          đ
        </span>
      </div>
      <FieldMessage id={field.id} error={field.message} hint={t('money.hint')} />
    </div>
  );
}
