import type { GraphQLResolveInfo } from 'graphql';
import { Extensions } from 'type-graphql';
import { AppError, forbidden, unauthenticated } from '../errors';
import { canGlobally, type GlobalAbility } from '../policy/abilities';
import type { GraphQLContext } from './context';

/**
 * Every root operation (Query, Mutation, Subscription field) declares its guard with one of these
 * decorators. The guard is stored in the field's extensions, enforced by `checkGuard` (graphql/operation-checks.ts), and
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

/** Enforces the declared guard of a root field (Query, Mutation, Subscription) before its resolver runs. */
export function checkGuard(context: GraphQLContext, info: GraphQLResolveInfo): void {
  const guard = info.parentType.getFields()[info.fieldName]?.extensions?.guard as GuardSpec | undefined;
  if (!guard) throw new AppError('INTERNAL_SERVER_ERROR', `Thao tác ${info.fieldName} chưa khai báo quyền truy cập nên bị từ chối.`);
  if (guard === 'public') return;
  if (!context.viewer) throw unauthenticated('Bạn cần đăng nhập để thực hiện thao tác này.');
  if (guard.startsWith('ability:')) {
    const ability = guard.slice('ability:'.length) as GlobalAbility;
    if (!canGlobally(context.viewer, ability)) throw forbidden();
  }
}
