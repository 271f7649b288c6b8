import { Role, type Viewer } from '../auth/viewer';
import { forbidden } from '../errors';

/**
 * The one place that decides who may do what. Abilities are named "<object>.<verb>"; resolvers,
 * services and the subscription layer all ask here. Each kind of object has one table of rules, one
 * per ability (outline's `allow(User, ["update"], Case, (actor, c) => …)`, written as a table): a pure
 * function of the viewer and the facts about the object, so the authorization matrix test can
 * enumerate them, and a new ability without a rule does not compile.
 */

/** A rule: may `viewer` do it, given the facts about the object. */
type Rule<F extends unknown[]> = (viewer: Viewer, ...facts: F) => boolean;

/**
 * The `can…` function of one kind of object, from its table of rules. `requires`, when given, must
 * hold as well whatever the ability (e.g. that the viewer can still read the case).
 */
function decide<A extends string, F extends unknown[]>(rules: Record<A, Rule<F>>, requires?: Rule<F>) {
  return (viewer: Viewer, ability: A, ...facts: F): boolean =>
    (!requires || requires(viewer, ...facts)) && rules[ability](viewer, ...facts);
}

const has = (viewer: Viewer, role: Role) => viewer.roles.includes(role);
const systemAdmin = (viewer: Viewer) => has(viewer, Role.SYSTEM_ADMIN);
/** Enforcement officers and heads work cases; other roles of the same office only read them. */
const casesWorker = (viewer: Viewer) => has(viewer, Role.ENFORCEMENT_OFFICER) || has(viewer, Role.AGENCY_HEAD);
/** A member of a steering committee (Ban Chỉ đạo THADS): directs hard cases, assigns the targets. */
const steeringMember = (viewer: Viewer) => viewer.agencyKind === 'STEERING_COMMITTEE' && has(viewer, Role.STEERING_MEMBER);
/** True when one of `coveredPaths` contains `path` (a province covers its communes). */
const covers = (coveredPaths: readonly string[], path: string) => coveredPaths.some((covered) => path.startsWith(covered));
/** True when `coveredPaths` contain every one of `paths` (and there is at least one). */
const coversAll = (coveredPaths: readonly string[], paths: readonly string[]) =>
  paths.length > 0 && paths.every((p) => covers(coveredPaths, p));

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

const GLOBAL_RULES: Record<GlobalAbility, Rule<[]>> = {
  'area.manage': systemAdmin,
  'agency.manage': systemAdmin,
  // Agency admins manage their own agency's users; which ones is decided per user (canOnUser).
  'user.manage': (viewer) => systemAdmin(viewer) || has(viewer, Role.AGENCY_ADMIN),
  'audit.verify': systemAdmin,
  'case.create': (viewer) => canCreateCase(viewer),
  'calendar.manage': systemAdmin,
  'system.inspect': systemAdmin,
};

/** Decides a global ability. */
export const canGlobally = decide(GLOBAL_RULES);

/** The viewer's global abilities as a record (drives which screens the web app offers; the API still checks each call). */
export function globalAbilities(viewer: Viewer): Record<GlobalAbility, boolean> {
  return Object.fromEntries(Object.entries<Rule<[]>>(GLOBAL_RULES).map(([ability, rule]) => [ability, rule(viewer)])) as Record<
    GlobalAbility,
    boolean
  >;
}

/** The kinds of CSV file there are importers for. */
type ImportKind = 'areas' | 'agencies' | 'users' | 'cases';

/**
 * Importing a CSV file, per kind (in the order the import page offers them): areas and agencies are the
 * national directory (system admins, as 'area.manage' / 'agency.manage'); user files also office admins,
 * whose rows must name their own agency (checked per row with 'user.update'); case files the enforcement
 * office's admin, head and officers (rows checked with `canImportCasesFor`).
 */
const IMPORT_RULES: Record<ImportKind, Rule<[]>> = {
  cases: (viewer) =>
    systemAdmin(viewer) || (viewer.agencyKind === 'ENFORCEMENT_OFFICE' && (has(viewer, Role.AGENCY_ADMIN) || casesWorker(viewer))),
  users: (viewer) => canGlobally(viewer, 'user.manage'),
  agencies: (viewer) => canGlobally(viewer, 'agency.manage'),
  areas: (viewer) => canGlobally(viewer, 'area.manage'),
};

/** Whether the viewer may import a CSV file of `kind` (see IMPORT_RULES). */
export function canImport(viewer: Viewer, kind: ImportKind): boolean {
  return IMPORT_RULES[kind](viewer);
}

/** The kinds of CSV file the viewer may import (`canImport` for each): what the import page offers. */
export function importableKinds(viewer: Viewer): ImportKind[] {
  return (Object.keys(IMPORT_RULES) as ImportKind[]).filter((kind) => canImport(viewer, kind));
}

/**
 * Reading an import job (its progress and row errors): the user who uploaded the file, and system
 * administrators. Row errors quote the file's cells (names, ID numbers), so nobody else sees them.
 */
export function canReadImportJob(viewer: Viewer, job: { actorId: string }): boolean {
  return viewer.userId === job.actorId || systemAdmin(viewer);
}

/**
 * Importing existing cases for the lead office `agencyId` (checked per row): system administrators for
 * any enforcement office; an office's own administrator, head or officers only for their office.
 */
export function canImportCasesFor(viewer: Viewer, agencyId: string): boolean {
  return systemAdmin(viewer) || (viewer.agencyId === agencyId && canImport(viewer, 'cases'));
}

/** Abilities on a user account. */
export type UserAbility = 'user.read' | 'user.update' | 'user.deactivate' | 'user.readRestricted' | 'user.readAccount';

/** The facts about a user account the rules need. */
export interface UserFacts {
  id: string;
  agencyId: string;
}

/** System admins, and the admin of the user's own agency. */
const userAdmin = (viewer: Viewer, target: UserFacts) =>
  systemAdmin(viewer) || (has(viewer, Role.AGENCY_ADMIN) && viewer.agencyId === target.agencyId);
/** Officials of the user's own agency, and system admins. */
const colleagueOrAdmin = (viewer: Viewer, target: UserFacts) => systemAdmin(viewer) || viewer.agencyId === target.agencyId;

/** Decides an ability on one user account. */
export const canOnUser = decide<UserAbility, [target: UserFacts]>({
  // Officials see their own agency's colleagues; system admins see everyone.
  'user.read': colleagueOrAdmin,
  'user.update': userAdmin,
  // Nobody deactivates themselves (an agency would lose its last admin by accident).
  'user.deactivate': (viewer, target) => userAdmin(viewer, target) && viewer.userId !== target.id,
  // Personal contact data (ND 13/2023): the person, their agency's admin, system admins.
  'user.readRestricted': (viewer, target) => userAdmin(viewer, target) || viewer.userId === target.id,
  // Account details (user name, roles, active, version): colleagues and system admins. An official of
  // another agency sees who someone is (name, agency) — what sharing and assigning need — not the
  // login name an attacker would guess passwords against.
  'user.readAccount': colleagueOrAdmin,
});

/**
 * The agency whose users a viewer may list ('user.read' as a filter), or null when they may list
 * every agency's users (system admins).
 */
export function userListScope(viewer: Viewer): string | null {
  return systemAdmin(viewer) ? null : viewer.agencyId;
}

/** Whether the viewer may hand out `roles`: only system admins grant SYSTEM_ADMIN. */
export function canGrantRoles(viewer: Viewer, roles: readonly Role[]): boolean {
  return !roles.includes(Role.SYSTEM_ADMIN) || systemAdmin(viewer);
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

const supervises = (viewer: Viewer, c: CaseFacts) =>
  SUPERVISING_AGENCY_KINDS.includes(viewer.agencyKind) && covers(viewer.coveredAreaPaths, c.communePath);
const inLeadOffice = (viewer: Viewer, c: CaseFacts) => viewer.agencyId === c.leadAgencyId;
/** 'case.read': the agencies taking part, and the supervising bodies whose area covers the commune. */
const readsCase = (viewer: Viewer, c: CaseFacts) =>
  c.participantAgencyIds.includes(viewer.agencyId) || inLeadOffice(viewer, c) || supervises(viewer, c);
/** 'case.update': the lead office's enforcement officers and head. */
const changesCase = (viewer: Viewer, c: CaseFacts) => inLeadOffice(viewer, c) && casesWorker(viewer);

/**
 * Decides an ability on a case. A case is visible to the agencies taking part in it and to the
 * supervising bodies (procuracy, steering committee) whose area covers its commune. Only the lead
 * office's enforcement officers and head change it. Parties' restricted data (ID, phone) goes to the
 * lead office and to procurators supervising the area.
 */
export const canOnCase = decide<CaseAbility, [c: CaseFacts]>({
  'case.read': readsCase,
  'case.update': changesCase,
  'case.share': changesCase,
  'case.transition': changesCase,
  'party.readRestricted': (viewer, c) => changesCase(viewer, c) || (has(viewer, Role.PROCURATOR) && supervises(viewer, c)),
});

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
export const canOnThread = decide<ThreadAbility, [c: CaseFacts]>({
  'thread.post': readsCase,
  'thread.postDirective': (viewer, c) => readsCase(viewer, c) && steeringMember(viewer),
  'thread.postRecommendation': (viewer, c) => viewer.agencyKind === 'PROCURACY' && has(viewer, Role.PROCURATOR) && supervises(viewer, c),
  'task.assign': (viewer, c) => changesCase(viewer, c) || (readsCase(viewer, c) && steeringMember(viewer)),
});

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
  if (post.authorId !== viewer.userId || !readsCase(viewer, c)) return 'notAuthor';
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

const inAssigneeAgency = (viewer: Viewer, task: TaskFacts) => viewer.agencyId === task.assigneeAgencyId;

/**
 * Decides an ability on a task.
 * - `task.respond` (accept, decline, start, complete): any member of the assignee agency.
 * - `task.reassign` (to another person of the same agency): the assignee agency's head or admin,
 *   or the lead office's officers.
 * - `task.cancel`: whoever may assign tasks on the case ('task.assign').
 * All of them require that the viewer can still read the case.
 */
export const canOnTask = decide<TaskAbility, [task: TaskFacts, c: CaseFacts]>(
  {
    'task.respond': inAssigneeAgency,
    'task.reassign': (viewer, task, c) =>
      (inAssigneeAgency(viewer, task) && (has(viewer, Role.AGENCY_HEAD) || has(viewer, Role.AGENCY_ADMIN))) || changesCase(viewer, c),
    'task.cancel': (viewer, _task, c) => canOnThread(viewer, 'task.assign', c),
  },
  (viewer, _task, c) => readsCase(viewer, c),
);

/**
 * Whether an agency (not a signed-in viewer) can see a case: the same 'case.read' rule, applied to
 * the agency's kind and coverage. Used to refuse mentions and tasks for agencies outside the case.
 */
export function agencyCanReadCase(agency: { id: string; kind: string; coveredAreaPaths: readonly string[] }, c: CaseFacts): boolean {
  return readsCase(
    { userId: '', agencyId: agency.id, agencyKind: agency.kind, roles: [], coveredAreaPaths: agency.coveredAreaPaths, tokenExpiresAt: 0 },
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
export const canOnAction = decide<ActionAbility, [action: ActionFacts, c: CaseFacts]>(
  {
    'action.plan': (viewer, _action, c) => changesCase(viewer, c),
    'action.respondInvitation': (viewer, action) => action.invitedAgencyIds.includes(viewer.agencyId),
    'action.recordProtectionPlan': (viewer, action) =>
      viewer.agencyKind === 'POLICE' && action.invitedPoliceAgencyIds.includes(viewer.agencyId),
  },
  (viewer, _action, c) => readsCase(viewer, c),
);

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
  if (systemAdmin(viewer)) return { kind: 'all' };
  if (AREA_STATISTICS_KINDS.includes(viewer.agencyKind))
    return viewer.coveredAreaPaths.length ? { kind: 'areas', paths: viewer.coveredAreaPaths } : { kind: 'none' };
  if (viewer.agencyKind === 'ENFORCEMENT_OFFICE') return { kind: 'office', agencyId: viewer.agencyId };
  return { kind: 'none' };
}

/**
 * Asks whether something lies within `reach`: always for 'all', never for 'none'; for the other two
 * kinds the question's own rule decides, given the covered paths or the office.
 */
function withinReach(
  reach: StatisticsReach,
  rules: { areas: (coveredPaths: readonly string[]) => boolean; office: (agencyId: string) => boolean },
): boolean {
  if (reach.kind === 'areas') return rules.areas(reach.paths);
  if (reach.kind === 'office') return rules.office(reach.agencyId);
  return reach.kind === 'all';
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
  return withinReach(reach, {
    areas: (coveredPaths) => covers(coveredPaths, c.communePath),
    office: (agencyId) => c.leadAgencyId === agencyId || c.leadParentId === agencyId,
  });
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
  return withinReach(statisticsReach(viewer), {
    areas: (coveredPaths) => (scope.kind === 'area' ? covers(coveredPaths, scope.path) : coversAll(coveredPaths, scope.coveredAreaPaths)),
    office: (agencyId) => scope.kind === 'area' || scope.agencyAndAncestorIds.includes(agencyId),
  });
}

/**
 * Setting a yearly target (chỉ tiêu) of an enforcement agency: system admins, and steering-committee
 * members whose committee covers every area the agency works in (the committee assigns the targets).
 */
export function canSetStatisticsTarget(viewer: Viewer, agency: { kind: string; coveredAreaPaths: readonly string[] }): boolean {
  if (agency.kind !== 'ENFORCEMENT_OFFICE') return false;
  return systemAdmin(viewer) || (steeringMember(viewer) && coversAll(viewer.coveredAreaPaths, agency.coveredAreaPaths));
}

/**
 * Whether the web app offers the dashboard ('statistics.dashboard'): people who steer — system admins,
 * steering-committee members, heads of enforcement offices (for their own unit) — provided they have
 * a statistics reach at all. Others with a reach (a procurator, a commune official) can still ask the
 * API for their figures; the dashboard is simply not in their navigation.
 */
export function canOpenStatisticsDashboard(viewer: Viewer): boolean {
  if (statisticsReach(viewer).kind === 'none') return false;
  return systemAdmin(viewer) || steeringMember(viewer) || (viewer.agencyKind === 'ENFORCEMENT_OFFICE' && has(viewer, Role.AGENCY_HEAD));
}

/** Whether the viewer may set the targets of at least some office (shows the targets form); each office is checked by canSetStatisticsTarget. */
export function canSetSomeStatisticsTarget(viewer: Viewer): boolean {
  return systemAdmin(viewer) || steeringMember(viewer);
}
