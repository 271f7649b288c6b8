/**
 * Error codes the API returns in `extensions.code`. Services throw `AppError`s; one mapper
 * (graphql/format-error.ts) turns them into GraphQL errors. Anything else becomes INTERNAL with a
 * generic message (details go to the log only: no stack traces or SQL reach a client).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'RATE_LIMITED'
  /** The operation asks for more work than the limits allow (depth, aliases, directives, tokens, cost). */
  | 'QUERY_TOO_COMPLEX'
  /** The operation used up its time budget (GRAPHQL_TIME_BUDGET_MS). */
  | 'OPERATION_TIMEOUT'
  /** The request body is larger than GRAPHQL_MAX_BODY_BYTES. */
  | 'PAYLOAD_TOO_LARGE'
  | 'RESYNC_REQUIRED'
  /** A dependency (the database) is briefly unreachable; nothing was changed — retry (live feeds: resume from the last cursor). */
  | 'SERVICE_UNAVAILABLE'
  /** An idempotency key was sent again with another operation or another input; nothing was done. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /**
   * The database connection broke while the change was being committed (or just after): it may or may
   * not have been saved. Retry with the same idempotency key: the retry returns the first result or does it once.
   */
  | 'OUTCOME_UNKNOWN'
  | 'INTERNAL_SERVER_ERROR';

/** An error meant for the person using the app: `message` says what to do about it. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable facts (field names, rule ids, legal source …) merged into `extensions`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Shorthands so services read like the rules they enforce. */
export const badInput = (message: string, details?: Record<string, unknown>) => new AppError('BAD_USER_INPUT', message, details);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.', details?: Record<string, unknown>) =>
  new AppError('FORBIDDEN', message, details);
export const notFound = (what: string, details?: Record<string, unknown>) =>
  new AppError('NOT_FOUND', `Không tìm thấy ${what} (hoặc bạn không có quyền xem).`, details);
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError('CONFLICT', message, details);
export const unauthenticated = (message = 'Vui lòng đăng nhập lại.') => new AppError('UNAUTHENTICATED', message);
/** A legal or business rule refused the operation; `rule` names it (e.g. "Đ.46 Luật THADS"). */
export const ruleViolation = (message: string, rule: string, details?: Record<string, unknown>) =>
  new AppError('RULE_VIOLATION', message, { rule, ...details });
