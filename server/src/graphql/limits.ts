import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getNullableType,
  isListType,
  visit,
  BREAK,
  parse,
  validate,
  specifiedRules,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config';
import type { GraphQLContext } from './context';
import { AppError } from '../errors';
import { DEFAULT_PAGE_SIZE } from '../db/pagination';

/**
 * Bounds on the work one GraphQL operation may ask for, over HTTP and graphql-ws alike. A document
 * outside them is refused before any resolver runs, with `QUERY_TOO_COMPLEX` and a message naming the
 * limit; the values come from config.ts (GRAPHQL_MAX_*), and docs/SECURITY.md lists them.
 */
export interface OperationLimits {
  /** Nesting of selections (fragments expanded). */
  maxDepth: number;
  /** Aliased fields in one operation (aliases multiply work without growing depth). */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in the document (checked while parsing, so a huge document costs little). */
  maxTokens: number;
  /** Estimated cost (see `operationCost`). */
  maxCost: number;
  /** Wall-clock budget of one query or mutation, in ms; resolvers starting after it are refused. */
  timeBudgetMs: number;
}

/** The limits of this instance, from the validated configuration. */
export function limitsFromConfig(config: AppConfig): OperationLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxCost: config.GRAPHQL_MAX_COST,
    timeBudgetMs: config.GRAPHQL_TIME_BUDGET_MS,
  };
}

/** The error every static limit raises: the client's request, not a server fault. */
export function tooComplex(message: string, details: Record<string, unknown>): GraphQLError {
  const appError = new AppError('QUERY_TOO_COMPLEX', message, details);
  return new GraphQLError(message, { originalError: appError, extensions: { code: 'QUERY_TOO_COMPLEX', ...details } });
}

/**
 * graphql-armor's rules re-report their rejections through `onReject` as coded errors
 * (`propagateOnRejection: false` stops their own uncoded GraphQLError).
 */
function coded(limit: string, max: number, message: (found: string) => string) {
  return {
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1] ?? '?';
        context?.reportError(tooComplex(message(found), { limit, max, found: Number(found) || undefined }));
      },
    ],
  };
}

/** Validation rules for depth, aliases and directives (added to graphql-js's standard rules). */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({
      ...coded(
        'depth',
        limits.maxDepth,
        (found) => `Truy vấn lồng quá sâu (${found} cấp; tối đa ${limits.maxDepth}). Hãy tách thành nhiều truy vấn nhỏ hơn.`,
      ),
      ignoreIntrospection: false,
      flattenFragments: true,
    }) as unknown as ValidationRule,
    maxAliasesRule(
      coded('aliases', limits.maxAliases, (found) => `Truy vấn dùng quá nhiều bí danh (${found}; tối đa ${limits.maxAliases}).`),
    ) as unknown as ValidationRule,
    maxDirectivesRule(
      coded('directives', limits.maxDirectives, (found) => `Truy vấn dùng quá nhiều chỉ thị (${found}; tối đa ${limits.maxDirectives}).`),
    ) as unknown as ValidationRule,
  ];
}

/** Assumed size of a list without page arguments (case.actions, case.parties …) in the cost model. */
export const UNPAGED_LIST_FACTOR = 10;

/**
 * The cost model: every field costs 1 plus what it selects; a field with `first`/`last` multiplies
 * its selection by that page size (default page size when absent); any other list multiplies by
 * UNPAGED_LIST_FACTOR — except a connection's `edges`, whose size is its parent's page size, already
 * counted. So `cases(first: 100) { edges { node { actions { id } } } }` costs about 100 × 10.
 */
const costEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  const pageSize = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if (field.args.some((a) => a.name === 'first' || a.name === 'last')) return 1 + (pageSize ?? DEFAULT_PAGE_SIZE) * childComplexity;
  if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) return 1 + UNPAGED_LIST_FACTOR * childComplexity;
  return 1 + childComplexity;
};

/** Estimated cost of the operation `operationName` of `document` with `variables`. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [costEstimator],
  });
}

/** Refuses (QUERY_TOO_COMPLEX) an operation whose estimated cost exceeds the limit. */
export function assertCostWithin(
  limits: OperationLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): void {
  let cost: number;
  try {
    cost = operationCost(schema, document, variables, operationName);
  } catch (err) {
    // getComplexity re-validates variables; a coercion problem is the caller's input.
    if (err instanceof GraphQLError) throw new AppError('BAD_USER_INPUT', err.message);
    throw err;
  }
  if (cost > limits.maxCost) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `Truy vấn yêu cầu quá nhiều dữ liệu một lúc (chi phí ước tính ${cost}; tối đa ${limits.maxCost}). Hãy giảm số mục mỗi trang hoặc tách truy vấn.`,
      {
        limit: 'cost',
        max: limits.maxCost,
        found: cost,
      },
    );
  }
}

/**
 * Checked as every field starts (graphql/operation-checks.ts): once an operation is past its deadline
 * (`context.deadline`, set for queries and mutations), every field that would still start is refused
 * with OPERATION_TIMEOUT, so a slow operation stops doing work instead of finishing a huge answer.
 * (SQL statements are bounded on their own by the database role's statement_timeout.)
 */
export function checkTimeBudget(context: GraphQLContext): void {
  if (context.deadline !== undefined && Date.now() > context.deadline) {
    const budget = context.services.config.GRAPHQL_TIME_BUDGET_MS;
    throw new AppError(
      'OPERATION_TIMEOUT',
      `Thao tác vượt quá thời gian cho phép (${budget} ms) nên đã dừng; hãy thu hẹp truy vấn rồi thử lại.`,
      { limit: 'time', max: budget },
    );
  }
}

/** True when the document asks for the schema (`__schema` / `__type`; `__typename` is ordinary). */
export function isIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
}

/** A refusal thrown from an Apollo hook: coded, with HTTP 400 (Apollo would answer 500 otherwise). */
function refusal(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 400 } } });
}

/**
 * Apollo plugin for what validation rules cannot see: the cost (it depends on the variables) and
 * who asks for introspection (anonymous callers are refused it in production).
 */
export function operationLimitsPlugin(
  limits: OperationLimits,
  options: { introspectionForAnonymous: boolean },
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName, contextValue, schema }) {
          if (!options.introspectionForAnonymous && !contextValue.viewer && isIntrospection(document)) {
            throw refusal(new AppError('FORBIDDEN', 'Chỉ người dùng đã đăng nhập mới được xem cấu trúc API.'));
          }
          try {
            assertCostWithin(limits, schema, document, request.variables, operationName);
          } catch (err) {
            throw err instanceof AppError ? refusal(err) : err;
          }
        },
      };
    },
  };
}

/**
 * Parses, validates and costs one graphql-ws operation with the same limits Apollo applies over HTTP:
 * the token limit while parsing, the standard rules plus the limit rules, then the cost with the
 * operation's variables. Returns the execution arguments, or the errors to send back.
 */
export function prepareSocketOperation(
  schema: GraphQLSchema,
  limits: OperationLimits,
  payload: { query?: unknown; variables?: unknown; operationName?: unknown },
):
  | {
      schema: GraphQLSchema;
      document: DocumentNode;
      variableValues: Record<string, unknown> | undefined;
      operationName: string | undefined;
    }
  | GraphQLError[] {
  const asError = (err: AppError) => [new GraphQLError(err.message, { originalError: err, extensions: { code: err.code } })];
  if (typeof payload.query !== 'string') return asError(new AppError('BAD_USER_INPUT', 'Thiếu nội dung truy vấn (query).'));
  const variables = payload.variables ?? undefined;
  if (variables !== undefined && (typeof variables !== 'object' || variables === null || Array.isArray(variables))) {
    return asError(new AppError('BAD_USER_INPUT', 'Biến truy vấn (variables) phải là một đối tượng.'));
  }
  const operationName = typeof payload.operationName === 'string' ? payload.operationName : undefined;
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (err) {
    if (err instanceof GraphQLError) return [err];
    throw err;
  }
  const errors = validate(schema, document, [...specifiedRules, ...limitValidationRules(limits)]);
  if (errors.length > 0)
    return errors.map((e) =>
      e.originalError || e.extensions.code
        ? e
        : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    );
  try {
    assertCostWithin(limits, schema, document, variables as Record<string, unknown> | undefined, operationName);
  } catch (err) {
    if (err instanceof AppError) return asError(err);
    throw err;
  }
  return { schema, document, variableValues: variables as Record<string, unknown> | undefined, operationName };
}
