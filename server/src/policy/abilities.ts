import { Role, type Viewer } from '../auth/viewer';
import { forbidden } from '../errors';

/**
 * The one place that decides who may do what. Abilities are named "<object>.<verb>"; resolvers,
 * services and the subscription layer all ask here. Each rule is a pure function of the viewer and
 * the facts about the object, so the authorization matrix test can enumerate them.
 */

/** Abilities that do not depend on a particular object. */
export type GlobalAbility =
  | 'area.manage'
  | 'agency.manage'
  | 'user.manage'
  | 'audit.verify'
  | 'case.create'
  | 'calendar.manage'
  /** The system page (versions, instance, event bus): system admins. */
  | 'system.inspect';

/** Abilities on a user account. */
export type UserAbility = 'user.read' | 'user.update' | 'user.deactivate' | 'user.readRestricted' | 'user.readAccount';

const has = (viewer: Viewer, role: Role) => viewer.roles.includes(role);

/** Decides a global ability. */
export function canGlobally(viewer: Viewer, ability: GlobalAbility): boolean {
  switch (ability) {
    case 'area.manage':
    case 'agency.manage':
    case 'audit.verify':
    case 'calendar.manage':
    case 'system.inspect':
      return has(viewer, Role.SYSTEM_ADMIN);
    case 'user.manage':
      // Agency admins manage their own agency's users; which ones is decided per user below.
      return has(viewer, Role.SYSTEM_ADMIN) || has(viewer, Role.AGENCY_ADMIN);
    case 'case.create':
      return canCreateCase(viewer);
  }
}

/** Every global ability, in one list (the web app's navigation asks for all of them at once). */
export const GLOBAL_ABILITIES: readonly GlobalAbility[] = [
  'area.manage',
  'agency.manage',
  'user.manage',
  'audit.verify',
  'case.create',
  'calendar.manage',
  'system.inspect',
];

/** The viewer's global abilities as a record (drives which screens the web app offers; the API still checks each call). */
export function globalAbilities(viewer: Viewer): Record<GlobalAbility, boolean> {
  return Object.fromEntries(GLOBAL_ABILITIES.map((a) => [a, canGlobally(viewer, a)])) as Record<GlobalAbility, boolean>;
}

/**
 * Importing a CSV file of `kind`: areas and agencies are the national directory (system admins, as
 * 'area.manage' / 'agency.manage'); user files also office admins, whose rows must name their own agency
 * (checked per row with 'user.update').
 */
export function canImport(viewer: Viewer, kind: 'areas' | 'agencies' | 'users' | 'cases'): boolean {
  if (kind === 'users') return canGlobally(viewer, 'user.manage');
  if (kind === 'cases')
    return (
      has(viewer, Role.SYSTEM_ADMIN) ||
      (viewer.agencyKind === 'ENFORCEMENT_OFFICE' && (has(viewer, Role.AGENCY_ADMIN) || casesWorker(viewer)))
    );
  return canGlobally(viewer, kind === 'areas' ? 'area.manage' : 'agency.manage');
}

/** The kinds of CSV file the viewer may import (`canImport` for each): what the import page offers. */
export function importableKinds(viewer: Viewer): Array<'areas' | 'agencies' | 'users' | 'cases'> {
  return (['cases', 'users', 'agencies', 'areas'] as const).filter((kind) => canImport(viewer, kind));
}

/**
 * Reading an import job (its progress and row errors): the user who uploaded the file, and system
 * administrators. Row errors quote the file's cells (names, ID numbers), so nobody else sees them.
 */
export function canReadImportJob(viewer: Viewer, job: { actorId: string }): boolean {
  return viewer.userId === job.actorId || has(viewer, Role.SYSTEM_ADMIN);
}

/**
 * Importing existing cases for the lead office `agencyId` (checked per row): system administrators for
 * any enforcement office; an office's own administrator, head or officers only for their office.
 */
export function canImportCasesFor(viewer: Viewer, agencyId: string): boolean {
  return has(viewer, Role.SYSTEM_ADMIN) || (viewer.agencyId === agencyId && canImport(viewer, 'cases'));
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
    case 'user.read':
      // Officials see their own agency's colleagues; system admins see everyone.
      return admin || viewer.agencyId === target.agencyId;
    case 'user.update':
      return admin || ownAgencyAdmin;
    case 'user.deactivate':
      // Nobody deactivates themselves (an agency would lose its last admin by accident).
      return (admin || ownAgencyAdmin) && viewer.userId !== target.id;
    case 'user.readRestricted':
      // Personal contact data (ND 13/2023): the person, their agency's admin, system admins.
      return admin || ownAgencyAdmin || viewer.userId === target.id;
    case 'user.readAccount':
      // Account details (user name, roles, active, version): colleagues and system admins. An official
      // of another agency sees who someone is (name, agency) — what sharing and assigning need — not
      // the login name an attacker would guess passwords against.
      return admin || viewer.agencyId === target.agencyId;
  }
}

/**
 * The agency whose users a viewer may list ('user.read' as a filter), or null when they may list
 * every agency's users (system admins).
 */
export function userListScope(viewer: Viewer): string | null {
  return has(viewer, Role.SYSTEM_ADMIN) ? null : viewer.agencyId;
}

/** Whether the viewer may hand out `roles`: only system admins grant SYSTEM_ADMIN. */
export function canGrantRoles(viewer: Viewer, roles: readonly Role[]): boolean {
  return !roles.includes(Role.SYSTEM_ADMIN) || has(viewer, Role.SYSTEM_ADMIN);
}

/** Throws FORBIDDEN unless `allowed`; the message names what was refused. */
export function assertAllowed(allowed: boolean, what: string): void {
  if (!allowed) throw forbidden(`Bạn không có quyền ${what}.`);
}

/** Abilities on an enforcement case. */
export type CaseAbility = 'case.read' | 'case.update' | 'case.share' | 'case.transition' | 'party.readRestricted';

/**
 * The facts about a case that visibility depends on (participation is data: CaseParticipant rows).
 * Built in one place: `loadCaseFacts` (policy/facts.ts).
 */
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
const coversPath = (viewer: Viewer, path: string) => viewer.coveredAreaPaths.some((covered) => path.startsWith(covered));

const supervises = (viewer: Viewer, c: CaseFacts) =>
  SUPERVISING_AGENCY_KINDS.includes(viewer.agencyKind) && coversPath(viewer, c.communePath);
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

/** Abilities on a case's thread (posts). */
export type ThreadAbility = 'thread.post' | 'thread.postDirective' | 'thread.postRecommendation' | 'task.assign';

/**
 * Decides what a viewer may write on a case's thread and whether they may assign tasks on it.
 * - `thread.post`: any viewer who can read the case posts notes and reports.
 * - `thread.postDirective`: a directive (chỉ đạo) comes only from a STEERING_MEMBER of a steering
 *   committee (Ban Chỉ đạo THADS) that can see the case.
 * - `thread.postRecommendation`: a recommendation (kiến nghị) comes only from a PROCURATOR of a
 *   procuracy whose area covers the case (the supervising VKSND).
 * - `task.assign`: the lead office's officers (same as 'case.update'); steering members who can see
 *   the case may also assign tasks to agencies (they direct hard cases).
 * SYSTEM posts are written by services only, never through the API.
 */
export function canOnThread(viewer: Viewer, ability: ThreadAbility, c: CaseFacts): boolean {
  const reads = canOnCase(viewer, 'case.read', c);
  const steeringMember = viewer.agencyKind === 'STEERING_COMMITTEE' && has(viewer, Role.STEERING_MEMBER);
  switch (ability) {
    case 'thread.post':
      return reads;
    case 'thread.postDirective':
      return reads && steeringMember;
    case 'thread.postRecommendation':
      return viewer.agencyKind === 'PROCURACY' && has(viewer, Role.PROCURATOR) && supervises(viewer, c);
    case 'task.assign':
      return canOnCase(viewer, 'case.update', c) || (reads && steeringMember);
  }
}

/** Abilities on one post of a thread. */
export type PostAbility = 'post.edit' | 'post.delete';

/** The facts about a post the rules need. */
export interface PostFacts {
  authorId: string | null;
  /** The post was deleted (soft): its text is in the audit trail and it changes no more. */
  deleted: boolean;
}

/**
 * Decides an edit or deletion of a post, with the reason of a refusal: only the author, only while
 * they can still read the case ('notAuthor'), and never once the post is deleted ('deleted', a
 * rule of the thread log rather than a missing permission).
 */
export function decideOnPost(viewer: Viewer, _ability: PostAbility, post: PostFacts, c: CaseFacts): 'allowed' | 'notAuthor' | 'deleted' {
  if (post.authorId !== viewer.userId || !canOnCase(viewer, 'case.read', c)) return 'notAuthor';
  return post.deleted ? 'deleted' : 'allowed';
}

/** Whether the viewer may edit or delete the post now (see `decideOnPost`). */
export function canOnPost(viewer: Viewer, ability: PostAbility, post: PostFacts, c: CaseFacts): boolean {
  return decideOnPost(viewer, ability, post, c) === 'allowed';
}

/** Abilities on one task. */
export type TaskAbility = 'task.respond' | 'task.reassign' | 'task.cancel';

/** The facts about a task the rules need. */
export interface TaskFacts {
  assigneeAgencyId: string;
}

/**
 * Decides an ability on a task.
 * - `task.respond` (accept, decline, start, complete): any member of the assignee agency.
 * - `task.reassign` (to another person of the same agency): the assignee agency's head or admin,
 *   or the lead office's officers.
 * - `task.cancel`: whoever may assign tasks on the case ('task.assign').
 * All of them require that the viewer can still read the case.
 */
export function canOnTask(viewer: Viewer, ability: TaskAbility, task: TaskFacts, c: CaseFacts): boolean {
  if (!canOnCase(viewer, 'case.read', c)) return false;
  const assigneeMember = viewer.agencyId === task.assigneeAgencyId;
  switch (ability) {
    case 'task.respond':
      return assigneeMember;
    case 'task.reassign':
      return (
        (assigneeMember && (has(viewer, Role.AGENCY_HEAD) || has(viewer, Role.AGENCY_ADMIN))) ||
        (inLeadOffice(viewer, c) && casesWorker(viewer))
      );
    case 'task.cancel':
      return canOnThread(viewer, 'task.assign', c);
  }
}

/**
 * Whether an agency (not a signed-in viewer) can see a case: the same 'case.read' rule, applied to
 * the agency's kind and coverage. Used to refuse mentions and tasks for agencies outside the case.
 */
export function agencyCanReadCase(agency: { id: string; kind: string; coveredAreaPaths: readonly string[] }, c: CaseFacts): boolean {
  return canOnCase(
    { userId: '', agencyId: agency.id, agencyKind: agency.kind, roles: [], coveredAreaPaths: agency.coveredAreaPaths, tokenExpiresAt: 0 },
    'case.read',
    c,
  );
}

/** Abilities on a coordinated action (visit, meeting, coercion) of a case. */
export type ActionAbility = 'action.plan' | 'action.respondInvitation' | 'action.recordProtectionPlan';

/** The facts about an action the rules need (built by `actionFactsOf`, the one place). */
export interface ActionFacts {
  /** Agencies invited to the action (any answer). */
  invitedAgencyIds: readonly string[];
  /** The invited agencies of kind POLICE (they owe the protection plan of a coercion). */
  invitedPoliceAgencyIds: readonly string[];
}

/** The facts about an action, from its invited agencies (id and kind). */
export function actionFactsOf(invited: ReadonlyArray<{ id: string; kind: string }>): ActionFacts {
  return {
    invitedAgencyIds: invited.map((a) => a.id),
    invitedPoliceAgencyIds: invited.filter((a) => a.kind === 'POLICE').map((a) => a.id),
  };
}

/**
 * Decides an ability on an action (reading one is 'case.read' on its case).
 * - `action.plan` (plan, reschedule, move along the workflow, record the outcome): the lead office's
 *   officers, as 'case.update'.
 * - `action.respondInvitation` (confirm or decline): members of an invited agency.
 * - `action.recordProtectionPlan`: members of an invited police agency (Điều 72 khoản 3).
 * All of them require that the viewer can still read the case.
 */
export function canOnAction(viewer: Viewer, ability: ActionAbility, action: ActionFacts, c: CaseFacts): boolean {
  if (!canOnCase(viewer, 'case.read', c)) return false;
  switch (ability) {
    case 'action.plan':
      return canOnCase(viewer, 'case.update', c);
    case 'action.respondInvitation':
      return action.invitedAgencyIds.includes(viewer.agencyId);
    case 'action.recordProtectionPlan':
      return viewer.agencyKind === 'POLICE' && action.invitedPoliceAgencyIds.includes(viewer.agencyId);
  }
}

/**
 * The part of the statistics a viewer may see (rule 9 figures, targets, "where it is stuck"):
 * - `all`: system admins;
 * - `areas`: supervising and local bodies (steering committee, procuracy, People's Committee) see
 *   the cases enforced in the areas they cover — a commune official only their commune;
 * - `office`: an enforcement office sees the cases it leads, and those of the offices under it
 *   (the provincial agency sees its regional offices);
 * - `none`: everyone else (police, courts, banks, mass organisations) has no statistics.
 * Services always intersect the requested scope with this reach.
 */
export type StatisticsReach =
  | { kind: 'all' }
  | { kind: 'areas'; paths: readonly string[] }
  | { kind: 'office'; agencyId: string }
  | { kind: 'none' };

/** Agency kinds whose members see the statistics of the areas they cover. */
const AREA_STATISTICS_KINDS: readonly string[] = ['STEERING_COMMITTEE', 'PROCURACY', 'PEOPLES_COMMITTEE'];

/** Decides how far a viewer sees into the statistics (see StatisticsReach). */
export function statisticsReach(viewer: Viewer): StatisticsReach {
  if (has(viewer, Role.SYSTEM_ADMIN)) return { kind: 'all' };
  if (AREA_STATISTICS_KINDS.includes(viewer.agencyKind))
    return viewer.coveredAreaPaths.length ? { kind: 'areas', paths: viewer.coveredAreaPaths } : { kind: 'none' };
  if (viewer.agencyKind === 'ENFORCEMENT_OFFICE') return { kind: 'office', agencyId: viewer.agencyId };
  return { kind: 'none' };
}

/** The facts about one case that decide whether it counts in someone's statistics. */
export interface StatisticsCaseFacts {
  leadAgencyId: string;
  /** The lead office's parent agency (the provincial agency of a regional office), if any. */
  leadParentId: string | null;
  communePath: string;
}

/**
 * Whether a case falls within a statistics reach (the live "statistics changed" ticks count only
 * those): the areas a body covers contain its commune, or the office leads it or is the lead's parent.
 */
export function statisticsReachIncludes(reach: StatisticsReach, c: StatisticsCaseFacts): boolean {
  switch (reach.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'areas':
      return reach.paths.some((p) => c.communePath.startsWith(p));
    case 'office':
      return c.leadAgencyId === reach.agencyId || c.leadParentId === reach.agencyId;
  }
}

/** What a statistics request is about, as the policy needs it. */
export type StatisticsScopeFacts =
  /** An area (province, commune), by its materialised path. */
  | { kind: 'area'; path: string }
  /** An agency (or an officer, through their agency): itself and its ancestors, and the areas it covers. */
  | { kind: 'agency'; agencyAndAncestorIds: readonly string[]; coveredAreaPaths: readonly string[] };

/**
 * Whether the viewer may ask for the statistics of `scope`: an area inside their reach (an office
 * may ask for any area: it sees only its own cases there), an agency that works inside the areas a
 * supervising body covers, or, for an office, itself or an office under it.
 */
export function canReadStatistics(viewer: Viewer, scope: StatisticsScopeFacts): boolean {
  const reach = statisticsReach(viewer);
  switch (reach.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'areas':
      return scope.kind === 'area'
        ? coversPath(viewer, scope.path)
        : scope.coveredAreaPaths.length > 0 && scope.coveredAreaPaths.every((p) => coversPath(viewer, p));
    case 'office':
      return scope.kind === 'area' || scope.agencyAndAncestorIds.includes(reach.agencyId);
  }
}

/**
 * Setting a yearly target (chỉ tiêu) of an enforcement agency: system admins, and steering-committee
 * members whose committee covers every area the agency works in (the committee assigns the targets).
 */
export function canSetStatisticsTarget(viewer: Viewer, agency: { kind: string; coveredAreaPaths: readonly string[] }): boolean {
  if (has(viewer, Role.SYSTEM_ADMIN)) return agency.kind === 'ENFORCEMENT_OFFICE';
  return (
    agency.kind === 'ENFORCEMENT_OFFICE' &&
    viewer.agencyKind === 'STEERING_COMMITTEE' &&
    has(viewer, Role.STEERING_MEMBER) &&
    agency.coveredAreaPaths.length > 0 &&
    agency.coveredAreaPaths.every((p) => coversPath(viewer, p))
  );
}

/**
 * Whether the web app offers the dashboard ('statistics.dashboard'): people who steer — system admins,
 * steering-committee members, heads of enforcement offices (for their own unit) — provided they have
 * a statistics reach at all. Others with a reach (a procurator, a commune official) can still ask the
 * API for their figures; the dashboard is simply not in their navigation.
 */
export function canOpenStatisticsDashboard(viewer: Viewer): boolean {
  if (statisticsReach(viewer).kind === 'none') return false;
  return (
    has(viewer, Role.SYSTEM_ADMIN) ||
    (viewer.agencyKind === 'STEERING_COMMITTEE' && has(viewer, Role.STEERING_MEMBER)) ||
    (viewer.agencyKind === 'ENFORCEMENT_OFFICE' && has(viewer, Role.AGENCY_HEAD))
  );
}

/** Whether the viewer may set the targets of at least some office (shows the targets form); each office is checked by canSetStatisticsTarget. */
export function canSetSomeStatisticsTarget(viewer: Viewer): boolean {
  return has(viewer, Role.SYSTEM_ADMIN) || (viewer.agencyKind === 'STEERING_COMMITTEE' && has(viewer, Role.STEERING_MEMBER));
}
