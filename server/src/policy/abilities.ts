import { Role, type Viewer } from '../auth/viewer';
import { forbidden } from '../errors';

/**
 * The one place that decides who may do what. Abilities are named "<object>.<verb>"; resolvers,
 * services and the subscription layer all ask here. Each rule is a pure function of the viewer and
 * the facts about the object, so the authorization matrix test can enumerate them.
 */

/** Abilities that do not depend on a particular object. */
export type GlobalAbility = 'area.manage' | 'agency.manage' | 'user.manage' | 'audit.verify' | 'case.create';

/** Abilities on a user account. */
export type UserAbility = 'user.update' | 'user.deactivate' | 'user.readRestricted';

export const GLOBAL_ABILITIES: readonly GlobalAbility[] = ['area.manage', 'agency.manage', 'user.manage', 'audit.verify', 'case.create'];
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
    case 'case.create':
      return canCreateCase(viewer);
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

/** Abilities on an enforcement case. */
export type CaseAbility = 'case.read' | 'case.update' | 'case.share' | 'case.transition' | 'party.readRestricted';
export const CASE_ABILITIES: readonly CaseAbility[] = ['case.read', 'case.update', 'case.share', 'case.transition', 'party.readRestricted'];

/** The facts about a case that visibility depends on (participation is data: CaseParticipant rows). */
export interface CaseFacts {
  leadAgencyId: string;
  /** Agencies with an active participation, the lead included. */
  participantAgencyIds: readonly string[];
  /** Materialised path of the commune where the case is enforced. */
  communePath: string;
}

/** Agency kinds that supervise every case in the areas they cover, without being invited. */
export const SUPERVISING_AGENCY_KINDS: readonly string[] = ['PROCURACY', 'STEERING_COMMITTEE'];

/** True when one of the viewer's covered areas contains `path` (a province covers its communes). */
export const coversPath = (viewer: Viewer, path: string) => viewer.coveredAreaPaths.some((covered) => path.startsWith(covered));

const supervises = (viewer: Viewer, c: CaseFacts) => SUPERVISING_AGENCY_KINDS.includes(viewer.agencyKind) && coversPath(viewer, c.communePath);
const inLeadOffice = (viewer: Viewer, c: CaseFacts) => viewer.agencyId === c.leadAgencyId;
const casesWorker = (viewer: Viewer) => has(viewer, Role.ENFORCEMENT_OFFICER) || has(viewer, Role.AGENCY_HEAD);

/**
 * Decides an ability on a case. A case is visible to the agencies taking part in it and to the
 * supervising bodies (procuracy, steering committee) whose area covers its commune. Only the lead
 * office's enforcement officers and head change it. Parties' restricted data (ID, phone) goes to the
 * lead office and to procurators supervising the area.
 */
export function canOnCase(viewer: Viewer, ability: CaseAbility, c: CaseFacts): boolean {
  switch (ability) {
    case 'case.read':
      return c.participantAgencyIds.includes(viewer.agencyId) || inLeadOffice(viewer, c) || supervises(viewer, c);
    case 'case.update':
    case 'case.share':
    case 'case.transition':
      return inLeadOffice(viewer, c) && casesWorker(viewer);
    case 'party.readRestricted':
      return (inLeadOffice(viewer, c) && casesWorker(viewer)) || (has(viewer, Role.PROCURATOR) && supervises(viewer, c));
  }
}

/** Opening a case: enforcement officers and heads of an enforcement office, for their own office. */
export function canCreateCase(viewer: Viewer): boolean {
  return viewer.agencyKind === 'ENFORCEMENT_OFFICE' && casesWorker(viewer);
}
