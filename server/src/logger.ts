import pino, { stdSerializers, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * Scrubs personal data out of text that may carry SQL or database messages (a failed statement's
 * message, a PostgreSQL `detail`, a debug query log): quoted literals, the values of "Key (…)=(…)"
 * and "Failing row contains (…)" details, and long digit runs (CCCD/ID numbers, phones, bank accounts) become `***`. The shape of the
 * statement (table, columns, constraint) stays readable, which is what an operator needs.
 */
export function redactSqlText(text: string): string {
  return text
    .replace(/'(?:[^']|'')*'/g, "'***'")
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(***)')
    .replace(/(Failing row contains )\(.*\)/g, '$1(***)')
    .replace(/\+?\d[\d .]{7,}\d/g, '***');
}

/** Fields of a thrown database error that can quote the statement or the offending values. */
const SQL_BEARING_FIELDS = ['message', 'stack', 'detail', 'query', 'sql', 'where', 'hint', 'internalQuery'] as const;

/** pino's error serializer, with every SQL-bearing field (and its causes') passed through `redactSqlText`. */
export function redactError(err: unknown): unknown {
  if (!(err instanceof Error)) return typeof err === 'string' ? redactSqlText(err) : err;
  const serialized = stdSerializers.err(err) as unknown as Record<string, unknown>;
  const scrub = (o: Record<string, unknown>, depth: number): Record<string, unknown> => {
    for (const field of SQL_BEARING_FIELDS) if (typeof o[field] === 'string') o[field] = redactSqlText(o[field] as string);
    // pg errors carry `parameters` on some paths; MikroORM keeps the driver error as `previous`/`cause`.
    delete o.parameters;
    delete o.params;
    for (const nested of ['cause', 'previous']) {
      const value = o[nested];
      if (value && typeof value === 'object' && depth < 3) o[nested] = scrub({ ...(value as Record<string, unknown>) }, depth + 1);
    }
    return o;
  };
  return scrub(serialized, 0);
}

/** Options of the process logger. */
export interface LoggerOptions {
  /**
   * Human-readable, coloured lines (pino-pretty, written synchronously so they keep their order with
   * the start banner). Default: when stdout is a terminal. Otherwise JSON lines for a log collector.
   */
  pretty?: boolean;
  /** Where lines go (tests capture them); default stdout. */
  destination?: DestinationStream;
}

/**
 * Creates the process logger. Whatever is logged, these never appear: authorization headers,
 * cookies, passwords, tokens, ID numbers, phones, bank data, post bodies (by key, anywhere up to two
 * levels deep) and the literals inside SQL of a failed statement (`err` goes through `redactError`).
 */
export function createLogger(level: string, base: Record<string, unknown> = {}, options: LoggerOptions = {}): Logger {
  const sensitiveKeys = [
    'authorization',
    'cookie',
    'password',
    'newPassword',
    'currentPassword',
    'token',
    'accessToken',
    'refreshToken',
    'idNumber',
    'phone',
    'bankAccount',
    'body',
    'headers',
    'variables',
  ];
  const paths = sensitiveKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  const usePretty = options.pretty ?? Boolean(process.stdout.isTTY);
  // Synchronous in both formats: lines keep their order with console output (the start banner comes
  // last), and nothing is lost when the process exits; one line per operation is cheap enough.
  const destination =
    options.destination ??
    (usePretty
      ? pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' })
      : pino.destination({ dest: 1, sync: true }));
  const settings: pino.LoggerOptions = {
    level,
    base: { service: 'phoi-hop', ...base },
    redact: { paths, remove: true },
    serializers: { err: redactError, error: redactError },
  };
  return pino(settings, destination);
}
export type { Logger };
