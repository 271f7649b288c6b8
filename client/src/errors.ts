import { GraphQLRequestError } from './lib/graphql-http';
import { QueueFullError } from './lib/write-queue';
import type { MessageKey, Translate } from './i18n';

/** Error codes the server sends (`extensions.code`) that have a text of their own in the app. */
const KNOWN_CODES = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RULE_VIOLATION',
  'RATE_LIMITED',
  'RESYNC_REQUIRED',
  'OUTCOME_UNKNOWN',
  'IDEMPOTENCY_KEY_REUSED',
  'SERVICE_UNAVAILABLE',
]);

/**
 * The text to show for a failed request. GraphQL errors: in Vietnamese the server's own message
 * (it names the field or the rule); in English the text for its error code, with the server's
 * message kept as the detail. Otherwise a
 * translated explanation of the network or HTTP failure.
 */
export function errorText(err: unknown, t: Translate): string {
  // Offline, the queue is full: the write was not kept, and the user must know it.
  if (err instanceof QueueFullError)
    return err.reason === 'count'
      ? t('offline.queueFull.count', { max: err.limits.maxItems })
      : t('offline.queueFull.bytes', { max: Math.floor(err.limits.maxBytes / 1024) });
  if (err instanceof GraphQLRequestError) {
    if (err.failure === 'graphql') {
      const text =
        t.lang !== 'en' || !err.code || !KNOWN_CODES.has(err.code)
          ? err.message
          : t('error.detail', { message: t(`errorCode.${err.code}` as MessageKey), detail: err.message });
      return err.code === 'CONFLICT' ? `${text} ${conflictText(err, t)}`.trim() : text;
    }
    // 502–504 come from a proxy in front of an unreachable server (e.g. the Vite dev server).
    if (err.failure === 'network' || (err.status !== undefined && err.status >= 502 && err.status <= 504)) return t('error.network');
    return t('error.server', { status: err.status ?? '?' });
  }
  return t('error.unexpected');
}

/** What a CONFLICT says changed since the version the user saw (`extensions.changed`), or ''. */
export function conflictText(err: GraphQLRequestError, t: Translate): string {
  const changed = err.extensions.changed;
  const fields = Array.isArray(changed) ? changed.filter((f): f is string => typeof f === 'string') : [];
  return fields.length ? t('conflict.changed', { fields: fields.join(', ') }) : '';
}
