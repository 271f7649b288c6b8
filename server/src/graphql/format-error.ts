import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from '../errors';
import type { Logger } from '../logger';

const GENERIC_MESSAGE = 'Đã xảy ra lỗi hệ thống; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên.';

/** Codes GraphQL/Apollo itself produce for malformed requests; they are safe to show as they are. */
const PASS_THROUGH = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * The one mapper from thrown errors to what a client sees: `AppError`s keep their code, message and
 * details; input validation becomes BAD_USER_INPUT naming each field; anything unexpected is logged
 * with the request id and answered with a generic message — never a stack trace or SQL.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, requestId?: string): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors?.map((v) => ({
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
  logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error in GraphQL operation');
  return { ...base, message: GENERIC_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}
