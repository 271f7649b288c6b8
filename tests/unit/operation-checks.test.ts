import { describe, expect, it } from 'vitest';
import {
  type ExecutionResult,
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  execute,
  parse,
} from 'graphql';
import { installOperationChecks } from '../../server/src/graphql/operation-checks';

/**
 * The checks every operation passes (graphql/operation-checks.ts), on a small schema built with
 * graphql-js: the guard and argument check of root fields, the time budget of every field, and that
 * plain fields stay synchronous (no promise per field, the reason the checks replaced type-graphql's
 * global middlewares).
 */
const Post = new GraphQLObjectType({
  name: 'Post',
  fields: { id: { type: GraphQLID }, body: { type: GraphQLString } },
});
const posts = Array.from({ length: 50 }, (_, i) => ({ id: String(i), body: `post ${i}` }));
const Query = new GraphQLObjectType({
  name: 'Query',
  fields: {
    posts: { type: new GraphQLList(Post), extensions: { guard: 'signed-in' }, resolve: () => posts },
    open: { type: GraphQLString, extensions: { guard: 'public' }, resolve: () => 'ok' },
    post: {
      type: Post,
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      extensions: { guard: 'signed-in' },
      resolve: (_, { id }) => posts[0] && { ...posts[0], id },
    },
    undeclared: { type: GraphQLString, resolve: () => 'should not run' },
  },
});
const schema = installOperationChecks(new GraphQLSchema({ query: Query }));

const viewer = { userId: '00000000-0000-4000-8000-000000000001', agencyId: 'a', roles: [] };
const contextOf = (over: Record<string, unknown> = {}) => ({ viewer, services: { config: { GRAPHQL_TIME_BUDGET_MS: 100 } }, ...over });
const run = (source: string, context: Record<string, unknown>) => execute({ schema, document: parse(source), contextValue: context });
const codeOf = (result: ExecutionResult | Promise<ExecutionResult>) =>
  (result as ExecutionResult).errors?.map((e) => (e.originalError as { code?: string } | undefined)?.code);

describe('operation checks (installed on the built schema)', () => {
  it('answers plain fields synchronously: 50 posts are one synchronous execution, not a promise per field', () => {
    const result = run('{ posts { id body } }', contextOf());
    expect(result).not.toBeInstanceOf(Promise);
    expect((result as ExecutionResult).errors).toBeUndefined();
    expect((result as ExecutionResult).data?.posts).toHaveLength(50);
  });

  it('enforces each root field guard: signed-in refuses no viewer, public admits it, an undeclared field is refused', () => {
    expect(codeOf(run('{ posts { id } }', contextOf({ viewer: null })))).toEqual(['UNAUTHENTICATED']);
    expect((run('{ open }', contextOf({ viewer: null })) as ExecutionResult).data).toEqual({ open: 'ok' });
    expect(codeOf(run('{ undeclared }', contextOf()))).toEqual(['INTERNAL_SERVER_ERROR']);
  });

  it('checks root arguments before the resolver: an ID that is not a UUID is BAD_USER_INPUT', () => {
    expect(codeOf(run('{ post(id: "1; drop table post") { id } }', contextOf()))).toEqual(['BAD_USER_INPUT']);
    expect((run(`{ post(id: "${viewer.userId}") { id } }`, contextOf()) as ExecutionResult).errors).toBeUndefined();
  });

  it('refuses every field that starts after the deadline with OPERATION_TIMEOUT (limit: time)', () => {
    const late = run('{ posts { id } }', contextOf({ deadline: Date.now() - 1 })) as ExecutionResult;
    expect(codeOf(late)).toEqual(['OPERATION_TIMEOUT']);
    // A nested field past the deadline is refused too, not only the root: the deadline passes mid-answer.
    let calls = 0;
    const context = contextOf();
    Object.defineProperty(context, 'deadline', { get: () => (++calls > 3 ? Date.now() - 1 : undefined) });
    const midway = run('{ posts { id } }', context) as ExecutionResult;
    expect(midway.errors?.length).toBeGreaterThan(0);
    expect(new Set(codeOf(midway))).toEqual(new Set(['OPERATION_TIMEOUT']));
  });
});
