import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { isDatabaseUnavailable } from '../db/availability';
import { AppError } from '../errors';
import type { Logger } from '../logger';

const GENERIC_MESSAGE = 'Đã xảy ra lỗi hệ thống; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên.';

/** Codes GraphQL/Apollo itself produce for malformed requests; they are safe to show as they are. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** graphql-js's parse error once GRAPHQL_MAX_TOKENS is passed (graphql 16 spells it "more that"). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

/**
 * PostgreSQL data exceptions caused by a value (class 22: invalid text representation, numeric out of
 * range, NUL in text, invalid byte sequence, datetime out of range …).
 */
const INPUT_SQLSTATES = /^22/;

/** query_canceled: statement_timeout (or an operator's pg_cancel_backend) stopped the statement. */
const QUERY_CANCELED = '57014';

/**
 * The one mapper from thrown errors to what a client sees: `AppError`s keep their code, message and
 * details; input validation becomes BAD_USER_INPUT naming each field; anything unexpected is logged
 * with the request id and answered with a generic message — never a stack trace or SQL.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
  requestId?: string,
): GraphQLFormattedError {
  // Apollo wraps validation errors (ValidationError → the rule's GraphQLError → our AppError): unwrap all.
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof GraphQLError && TOKEN_LIMIT.test(original.message)) {
    return {
      ...base,
      message: 'Tài liệu truy vấn quá dài (quá nhiều ký hiệu); hãy tách thành nhiều truy vấn nhỏ hơn.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens' },
    };
  }
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields =
      original.extensions.validationErrors?.map((v) => ({
        field: v.property,
        problems: Object.values(v.constraints ?? {}),
      })) ?? [];
    const summary = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' · ');
    return { ...base, message: `Dữ liệu nhập chưa hợp lệ — ${summary}`, extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  if (error instanceof GraphQLError && !error.originalError && !code) {
    // A GraphQL-level error (e.g. variable coercion) without an exception behind it: the client's input.
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const sqlState = (original as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && INPUT_SQLSTATES.test(sqlState)) {
    // Defence in depth: input validation should have caught this before SQL. The value was the
    // caller's (bad text, number out of range); the transaction rolled back. Logged without the query.
    logger.warn({ sqlState, requestId, path: formatted.path }, 'database refused a value that validation let through');
    return {
      ...base,
      message: 'Dữ liệu nhập chưa hợp lệ (giá trị không đúng định dạng hoặc vượt giới hạn).',
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (sqlState === QUERY_CANCELED) {
    // statement_timeout (DB_STATEMENT_TIMEOUT_MS) cancelled a running statement; its transaction rolled back.
    logger.warn({ sqlState, requestId, path: formatted.path }, 'a database statement ran past statement_timeout and was cancelled');
    return {
      ...base,
      message: 'Thao tác chạy quá thời gian cho phép nên đã bị dừng; chưa có thay đổi nào được lưu. Hãy thu hẹp truy vấn hoặc thử lại sau.',
      extensions: { code: 'OPERATION_TIMEOUT', limit: 'statement' },
    };
  }
  if (isDatabaseUnavailable(original)) {
    // An outage, not a bug: every change runs in one transaction that rolled back (a failure during
    // COMMIT is OUTCOME_UNKNOWN, raised by the Outbox), so "nothing changed, retry" is the truth.
    logger.warn({ err: (original as Error).message, requestId, path: formatted.path }, 'database unreachable during a GraphQL operation');
    return {
      ...base,
      message: 'Máy chủ tạm thời chưa kết nối được cơ sở dữ liệu; thao tác chưa được thực hiện. Vui lòng thử lại sau ít giây.',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    };
  }
  logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error in GraphQL operation');
  return { ...base, message: GENERIC_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}
