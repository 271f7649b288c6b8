import { Extensions, type MiddlewareFn } from 'type-graphql';
import { AppError, forbidden, unauthenticated } from '../errors';
import { canGlobally, type GlobalAbility } from '../policy/abilities';
import type { GraphQLContext } from './context';

/**
 * Every root operation (Query, Mutation, Subscription field) declares its guard with one of these
 * decorators. The guard is stored in the field's extensions, enforced by `guardMiddleware`, and
 * listed by a snapshot test: an operation without a guard fails CI and is refused at run time.
 */
export type GuardSpec = 'public' | 'signed-in' | `ability:${GlobalAbility}`;

/** Anyone, signed in or not, may call this operation. */
export const Public = () => Extensions({ guard: 'public' satisfies GuardSpec });

/**
 * Any signed-in, active user may call this; object-level rules (e.g. "case.read") are checked by
 * the service through the policy module and are named in `checks` for the snapshot.
 */
export const SignedIn = (checks?: string) => Extensions({ guard: 'signed-in' satisfies GuardSpec, ...(checks ? { checks } : {}) });

/** Only users holding a global ability (not tied to one object) may call this. */
export const RequireAbility = (ability: GlobalAbility) => Extensions({ guard: `ability:${ability}` satisfies GuardSpec });

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Global middleware: enforces the declared guard of each root field before its resolver runs. */
export const guardMiddleware: MiddlewareFn<GraphQLContext> = async ({ context, info }, next) => {
  if (!ROOT_TYPES.has(info.parentType.name)) return next();
  const guard = info.parentType.getFields()[info.fieldName]?.extensions?.guard as GuardSpec | undefined;
  if (!guard) throw new AppError('INTERNAL_SERVER_ERROR', `Thao tác ${info.fieldName} chưa khai báo quyền truy cập nên bị từ chối.`);
  if (guard === 'public') return next();
  if (!context.viewer) throw unauthenticated('Bạn cần đăng nhập để thực hiện thao tác này.');
  if (guard.startsWith('ability:')) {
    const ability = guard.slice('ability:'.length) as GlobalAbility;
    if (!canGlobally(context.viewer, ability)) throw forbidden();
  }
  return next();
};
