/**
 * What the action and calendar API tests share: calling the API as a named signed-in user, the first
 * error of an answer, Viet Nam local times, a complete coercion plan, a case taken through intake,
 * decision and delivery (so the voluntary period is over), and one commune's office with its partners.
 * Everything goes through the real API; nothing is mocked.
 */
import { expect } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { legalCalendar } from '../../server/src/modules/calendar/legal-calendar';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from './factories';
import { gql, type GraphQLResponse } from './harness';

/** GraphQL variables. */
export type Variables = Record<string, unknown>;

/** `call` answers as the API did; `ok` fails the test on any error and returns the data. */
export interface ApiAs {
  call(who: string, query: string, variables?: Variables, on?: App): Promise<GraphQLResponse>;
  ok(who: string, query: string, variables?: Variables, on?: App): Promise<Record<string, any>>;
}

/**
 * Calls the API as one of a test file's users, named by their key in `tokens` (filled in its
 * beforeAll), on `app()` unless another instance is given. `observe` sees every answer.
 */
export function apiAs(app: () => App, tokens: Record<string, string>, observe?: (res: GraphQLResponse) => void): ApiAs {
  const call = async (who: string, query: string, variables: Variables = {}, on: App = app()) => {
    const res = await gql(on, query, variables, tokens[who]);
    observe?.(res);
    return res;
  };
  const ok = async (who: string, query: string, variables: Variables = {}, on: App = app()) => {
    const res = await call(who, query, variables, on);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  return { call, ok };
}

/** The first error of an answer: its code, legal source (`rule`), rule code, extensions and message. */
export function firstError(res: GraphQLResponse) {
  const first = res.errors?.[0];
  return {
    code: first?.extensions?.code,
    rule: first?.extensions?.rule,
    ruleCode: first?.extensions?.ruleCode,
    ext: first?.extensions ?? {},
    message: first?.message ?? '',
  };
}

/** A local (Viet Nam) time on a local date, as an ISO instant. */
export const vn = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`).toISOString();

/** Everything a coercion plan must contain (Điều 72), for the forest-land example of DOMAIN.md. */
export const COERCION_PLAN = {
  personCoerced: 'Hộ ông Lò Văn Sính',
  measure: 'Buộc giao đất rừng',
  method: 'Đo đạc, cắm mốc, giao đất cho người được thi hành án',
  forces: 'Chấp hành viên, UBND xã, Công an, đại diện thôn',
  protection: 'Công an bảo vệ hiện trường',
  costEstimate: '15000000',
};

/** The input of a complete coercion plan on `day`, 08:00–11:00 Viet Nam time (a legal time of day). */
export const coercionOn = (caseId: string, day: string, place = 'Khu rừng thôn Nà Lầu') => ({
  caseId,
  kind: 'COERCION',
  scheduledStart: vn(day, '08:00'),
  scheduledEnd: vn(day, '11:00'),
  place,
  ...COERCION_PLAN,
});

const DAY_MS = 86_400_000;

/** Options of {@link actionOn}. */
export interface ActionOnOptions {
  /** Local start and end time (default 09:00–10:00). */
  from?: string;
  to?: string;
  /** The earliest day, counted from now (default 1: tomorrow); the action is on the next legal day from it. */
  daysAhead?: number;
  /** Agencies invited (planAction's `invitations`). */
  invitations?: Array<{ agencyId: string; required: boolean }>;
  /** Named people invited (planAction's `people`). */
  people?: Array<{ name: string; role: string; phone?: string }>;
}

/**
 * The planAction input of an action of `kind` (not a coercion: see {@link coercionOn}) at `place`, on
 * the first day from `daysAhead` days on when a coercion could also be held (a working day, outside Tết).
 */
export function actionOn(caseId: string, kind: string, place: string, options: ActionOnOptions = {}) {
  const { from = '09:00', to = '10:00', daysAhead = 1, ...invited } = options;
  const day = legalCalendar().nextCoercionDay(new Date(Date.now() + daysAhead * DAY_MS));
  return { caseId, kind, scheduledStart: vn(day, from), scheduledEnd: vn(day, to), place, ...invited };
}

/** Options of {@link deliveredCase}. */
export interface DeliveredCaseOptions {
  communeId: string;
  /** The fields asked for after each step (default `id version`). */
  fields?: string;
  /** A land hand-over instead of a money obligation (777,000,000 đ). */
  land?: boolean;
  /** When the decision was delivered (default 30 days ago: the 10-day voluntary period is over). */
  deliveredDaysAgo?: number;
  /** When the case was received (default 40 days ago) and the decision issued (default 35). */
  receivedDaysAgo?: number;
  decidedDaysAgo?: number;
  judgmentDate?: string;
  urgentSecurity?: boolean;
  /** Also through verification into ENFORCING. */
  enforcing?: boolean;
  /** The user who creates and steps it (default 'officer'), and the instance (default the file's app). */
  who?: string;
  on?: App;
}

/**
 * A case created by the API and taken through ISSUE_DECISION and RECORD_DELIVERY (and on to
 * ENFORCING when asked), as the lead office's officer. Returns the case as the last step answered.
 */
export async function deliveredCase(api: ApiAs, opts: DeliveredCaseOptions) {
  const fields = opts.fields ?? 'id version';
  const who = opts.who ?? 'officer';
  const obligations = opts.land
    ? [{ kind: 'HAND_OVER_LAND', description: 'Giao trả 4.000 m² đất rừng', debtorIndex: 0, creditorIndex: 1, landAreaM2: '4000' }]
    : [{ kind: 'PAY_MONEY', description: 'Trả nợ', debtorIndex: 0, creditorIndex: 1, amountOwed: '777000000' }];
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
  const created = await api.ok(
    who,
    `mutation($input: CreateCaseInput!) { createCase(input: $input) { ${fields} } }`,
    {
      input: {
        judgmentNumber: `BA-${Math.random().toString(36).slice(2, 8)}`,
        judgmentCourt: 'Tòa án nhân dân khu vực 3',
        judgmentDate: opts.judgmentDate ?? '2026-06-20',
        receivedAt: daysAgo(opts.receivedDaysAgo ?? 40).toISOString(),
        kind: 'ON_REQUEST',
        communeId: opts.communeId,
        urgentSecurity: opts.urgentSecurity ?? false,
        parties: [
          { role: 'DEBTOR', kind: 'PERSON', name: 'Lò Văn Sính' },
          { role: 'CREDITOR', kind: 'ORGANISATION', name: 'Ban quản lý rừng phòng hộ' },
        ],
        obligations,
      },
    },
    opts.on,
  );
  let c = created.createCase;
  const step = async (input: Variables) => {
    c = (
      await api.ok(
        who,
        `mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { ${fields} } }`,
        { input: { id: c.id, version: c.version, ...input } },
        opts.on,
      )
    ).transitionCase;
  };
  await step({
    transition: 'ISSUE_DECISION',
    decisionNumber: `${c.id.slice(0, 6)}/QĐ-THA`,
    decisionDate: daysAgo(opts.decidedDaysAgo ?? 35)
      .toISOString()
      .slice(0, 10),
  });
  await step({ transition: 'RECORD_DELIVERY', deliveredAt: daysAgo(opts.deliveredDaysAgo ?? 30).toISOString() });
  if (opts.enforcing) {
    await step({ transition: 'START_VERIFICATION' });
    await step({ transition: 'RECORD_ENFORCEABLE' });
    await step({ transition: 'START_ENFORCING' });
  }
  return c as { id: string; version: number; status: string; obligations: Array<{ id: string }> };
}

/** The accounts {@link communeOffice} can sign in, by their key in `tokens`. */
export type OfficeAccount = 'admin' | 'officer' | 'police' | 'commune';

/**
 * A province whose commune A has an enforcement office, a People's Committee, police and procuracy,
 * on `on`; signs in (into `tokens`) a system admin and an enforcement officer of the office, a police
 * officer and a commune official — or only the accounts named in `accounts`.
 */
export async function communeOffice(
  on: App,
  tokens: Record<string, string>,
  accounts: readonly OfficeAccount[] = ['admin', 'officer', 'police', 'commune'],
): Promise<{ commune: Area; office: Agency; committee: Agency; police: Agency; procuracy: Agency }> {
  const { communeA: commune } = await makeProvince(on.orm);
  const office = await makeAgency(on.orm, AgencyKind.ENFORCEMENT_OFFICE, [commune]);
  const committee = await makeAgency(on.orm, AgencyKind.PEOPLES_COMMITTEE, [commune]);
  const police = await makeAgency(on.orm, AgencyKind.POLICE, [commune]);
  const procuracy = await makeAgency(on.orm, AgencyKind.PROCURACY, [commune]);
  const account: Record<OfficeAccount, [Agency, Role]> = {
    admin: [office, Role.SYSTEM_ADMIN],
    officer: [office, Role.ENFORCEMENT_OFFICER],
    police: [police, Role.OFFICER],
    commune: [committee, Role.OFFICER],
  };
  for (const name of accounts) {
    const [agency, role] = account[name];
    tokens[name] = (await signIn(on, (await makeUser(on.orm, agency, [role])).username)).accessToken;
  }
  return { commune, office, committee, police, procuracy };
}
