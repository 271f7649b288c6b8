import { type ParsedFieldProps, ParsedTextField } from './ParsedTextField';

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
export function TimeField(props: ParsedFieldProps) {
  return <ParsedTextField {...props} parse={parseTime} format={(v) => v} messages="time" />;
}
