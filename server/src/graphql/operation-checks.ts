import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { GraphQLContext } from './context';
import { checkGuard } from './guards';
import { checkInputs } from './input-guard';
import { checkTimeBudget } from './limits';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Installs the checks every operation passes, by wrapping the built schema's resolvers:
 * - every root field (Query, Mutation, Subscription — its `subscribe` and each event's `resolve`): the
 *   time budget, the declared guard (graphql/guards.ts) and the argument check (graphql/input-guard.ts);
 * - every other field: the time budget only, as it starts.
 *
 * Why not type-graphql's `globalMiddlewares`: they turn every field — each scalar of 50 posts and 10
 * tasks on the case page included — into a chain of async functions (several promises per field, even
 * where the middleware returns at once). The checks here are synchronous, so a plain field stays a
 * plain property read, and the rules are the same (issue 18: the case page's CPU per request).
 */
export function installOperationChecks(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = ROOT_TYPES.has(type.name);
    for (const field of Object.values(type.getFields())) {
      field.resolve = root ? checkedRoot(field.resolve) : checkedField(field.resolve);
      if (root && field.subscribe) field.subscribe = checkedRoot(field.subscribe);
    }
  }
  return schema;
}

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;

function checkedRoot(resolve: Resolver | undefined): Resolver {
  const inner = resolve ?? (defaultFieldResolver as Resolver);
  return (source, args, context, info) => {
    checkTimeBudget(context);
    checkGuard(context, info);
    checkInputs(args, info);
    return inner(source, args, context, info);
  };
}

function checkedField(resolve: Resolver | undefined): Resolver {
  const inner = resolve ?? (defaultFieldResolver as Resolver);
  return (source, args, context, info) => {
    checkTimeBudget(context);
    return inner(source, args, context, info);
  };
}
