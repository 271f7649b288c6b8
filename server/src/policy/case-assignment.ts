import { Role } from '../auth/viewer';

/**
 * Who may be a case's assigned officer (chấp hành viên phụ trách). Kept apart from abilities.ts: this
 * is a fact about the assignee, not about the viewer, and the same rule must also run in SQL (the
 * `users(filter: { mayBeAssignedCases: true })` list the intake and edit forms offer).
 */
export const CASE_ASSIGNEE_ROLES: readonly Role[] = [Role.ENFORCEMENT_OFFICER];

/** May this user be assigned cases as their officer? */
export function mayBeAssignedCases(user: { roles: readonly Role[] }): boolean {
  return user.roles.some((role) => CASE_ASSIGNEE_ROLES.includes(role));
}
