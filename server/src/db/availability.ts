/**
 * SQLSTATE classes and Node/pg signals that mean "the database is not reachable right now" rather
 * than "this statement is wrong": connection exceptions (08), operator intervention (57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now), refused/reset sockets and pool timeouts.
 */
const UNAVAILABLE_SQLSTATES = /^(08|57P0[123])/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection ended|Client has encountered a connection error|Timeout acquiring a connection|terminating connection/i;

/** True when `err` (as thrown by pg, knex or MikroORM) says the database connection is down or refused. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown; previous?: unknown }).cause ?? (e as { previous?: unknown }).previous;
  }
  return false;
}
