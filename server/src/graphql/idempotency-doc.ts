/** The one description of the `idempotencyKey` argument, shared by every creating mutation. */
export const IDEMPOTENCY_KEY_DOC =
  'A key the client makes once per intended change (e.g. a UUID) and sends again on every retry of it: the retry returns the ' +
  'first result and changes nothing twice. Scoped to you. The same key with another operation or input gives IDEMPOTENCY_KEY_REUSED; ' +
  'OUTCOME_UNKNOWN means retry with the same key.';
