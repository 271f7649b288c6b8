import pino, { type Logger } from 'pino';

/** Creates the process logger (JSON lines; one child per request carries `reqId`). */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'phoi-hop', ...base },
    redact: { paths: ['req.headers.authorization', 'password', '*.password', 'token', '*.token'], remove: true },
  });
}
export type { Logger };
