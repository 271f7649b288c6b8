import type { ApolloServerPlugin } from '@apollo/server';
import { currentStatementTally } from '../db/statement-count';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { GraphQLContext } from './context';

/** What one finished GraphQL operation is reduced to in the log (never variables, headers or bodies). */
export interface OperationSummary {
  /** The client's operation name, or the root field when it sent none (e.g. "query cases"). */
  operation: string;
  type: string;
  userId: string | null;
  agencyId: string | null;
  ms: number;
  /** 'OK' or the first error's extensions.code. */
  code: string;
  /** SQL statements sent for this operation so far (its token check included), when counted. */
  sql?: number;
}

/**
 * One concise log line and one metric sample per GraphQL operation over HTTP: operation name, user,
 * agency, duration and result code. Nothing the client sent (variables, headers, post bodies) is logged.
 */
export function operationLogPlugin(logger: Logger, metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, operation, operationName, errors, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const type = operation?.operation ?? 'unknown';
          const rootField = operation?.selectionSet.selections.find((s) => s.kind === 'Field');
          const name = operationName ?? (rootField && 'name' in rootField ? rootField.name.value : 'anonymous');
          // Codes as the client sees them (after the error mapper), else the raw errors' codes.
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (body?.errors ?? errors ?? []).map((e) =>
            String((e.extensions as Record<string, unknown> | undefined)?.code ?? 'INTERNAL_SERVER_ERROR'),
          );
          const summary: OperationSummary = {
            operation: name,
            type,
            userId: contextValue.viewer?.userId ?? null,
            agencyId: contextValue.viewer?.agencyId ?? null,
            ms: Math.round(seconds * 10_000) / 10,
            code: codes[0] ?? 'OK',
            sql: currentStatementTally()?.statements,
          };
          metrics.operationFinished(name, type, summary.code, seconds, codes, summary.sql);
          (contextValue.logger ?? logger)[summary.code === 'INTERNAL_SERVER_ERROR' ? 'warn' : 'info'](
            summary,
            `${type} ${name} ${summary.code} ${summary.ms} ms`,
          );
        },
      };
    },
  };
}
