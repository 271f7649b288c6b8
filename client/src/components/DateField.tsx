import { type ParsedFieldProps, ParsedTextField } from './ParsedTextField';
import { isoToDayMonthYear, parseDayMonthYear } from '../lib/date-text';

/**
 * A date field in dd/mm/yyyy whatever the browser's locale (a native `<input type=date>` shows
 * mm/dd/yyyy in en-US Chromium). `value` and `onChange` use ISO "yyyy-mm-dd"; onChange(null) while
 * the text is not a date. Shared: any form that needs a calendar date uses it.
 */
export function DateField(props: ParsedFieldProps) {
  return <ParsedTextField {...props} parse={parseDayMonthYear} format={isoToDayMonthYear} messages="date" />;
}
