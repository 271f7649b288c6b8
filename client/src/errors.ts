import { GraphQLRequestError } from './lib/graphql-http';
import type { Translate } from './i18n';

/**
 * The text to show for a failed request: the server's own message (already in Vietnamese) for
 * GraphQL errors, otherwise a translated explanation.
 */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof GraphQLRequestError) {
    if (err.failure === 'graphql') return err.message;
    // 502–504 come from a proxy in front of an unreachable server (e.g. the Vite dev server).
    if (err.failure === 'network' || (err.status !== undefined && err.status >= 502 && err.status <= 504)) return t('error.network');
    return t('error.server', { status: err.status ?? '?' });
  }
  return t('error.unexpected');
}
