import { Role, type Viewer } from '../auth/viewer';
import { forbidden } from '../errors';

/**
 * The one place that decides who may do what. Abilities are named "<object>.<verb>"; resolvers,
 * services and the subscription layer all ask here. Each rule is a pure function of the viewer and
 * the facts about the object, so the authorization matrix test can enumerate them.
 */

/** Abilities that do not depend on a particular object. */
export type GlobalAbility = 'area.manage' | 'agency.manage' | 'user.manage' | 'audit.verify';

/** Abilities on a user account. */
export type UserAbility = 'user.update' | 'user.deactivate' | 'user.readRestricted';

export const GLOBAL_ABILITIES: readonly GlobalAbility[] = ['area.manage', 'agency.manage', 'user.manage', 'audit.verify'];
export const USER_ABILITIES: readonly UserAbility[] = ['user.update', 'user.deactivate', 'user.readRestricted'];

const has = (viewer: Viewer, role: Role) => viewer.roles.includes(role);

/** Decides a global ability. */
export function canGlobally(viewer: Viewer, ability: GlobalAbility): boolean {
  switch (ability) {
    case 'area.manage':
    case 'agency.manage':
    case 'audit.verify':
      return has(viewer, Role.SYSTEM_ADMIN);
    case 'user.manage':
      // Agency admins manage their own agency's users; which ones is decided per user below.
      return has(viewer, Role.SYSTEM_ADMIN) || has(viewer, Role.AGENCY_ADMIN);
  }
}

/** The facts about a user account the rules need. */
export interface UserFacts {
  id: string;
  agencyId: string;
}

/** Decides an ability on one user account. */
export function canOnUser(viewer: Viewer, ability: UserAbility, target: UserFacts): boolean {
  const admin = has(viewer, Role.SYSTEM_ADMIN);
  const ownAgencyAdmin = has(viewer, Role.AGENCY_ADMIN) && viewer.agencyId === target.agencyId;
  switch (ability) {
    case 'user.update':
      return admin || ownAgencyAdmin;
    case 'user.deactivate':
      // Nobody deactivates themselves (an agency would lose its last admin by accident).
      return (admin || ownAgencyAdmin) && viewer.userId !== target.id;
    case 'user.readRestricted':
      // Personal contact data (ND 13/2023): the person, their agency's admin, system admins.
      return admin || ownAgencyAdmin || viewer.userId === target.id;
  }
}

/** Throws FORBIDDEN unless `allowed`; the message names what was refused. */
export function assertAllowed(allowed: boolean, what: string): void {
  if (!allowed) throw forbidden(`Bạn không có quyền ${what}.`);
}
