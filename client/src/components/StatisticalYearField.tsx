import { useT } from '../i18n';
import { SelectField } from './FormFields';

/**
 * The statistical-year picker ("Năm thống kê 2027 (01/10/2026 – 30/09/2027)") of the dashboard and
 * the targets form; the years come from the caller (the server's list, or current and next).
 */
export function StatisticalYearField({
  years,
  value,
  onChange,
}: {
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  const t = useT();
  return (
    <SelectField
      label={t('dash.year')}
      value={String(value)}
      onChange={(v) => onChange(Number(v))}
      options={years.map((y) => ({ value: String(y), label: t('dash.yearOption', { year: y, prev: y - 1 }) }))}
    />
  );
}
