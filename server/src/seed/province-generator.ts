import { randomUUID } from 'node:crypto';
import { chainedEventRow, GENESIS_HASH } from '../events/event-log';
import { foldForSearch } from '../modules/cases/search-text';
import { resolvePeriod, PeriodKind, statisticalYearOf } from '../modules/statistics/periods';

/**
 * Generates enforcement cases with a plausible life story — received, decided, delivered, verified,
 * enforced with payments, then completed, terminated, entrusted, postponed, suspended, returned or
 * still open — as plain table rows (cases, parties, obligations, participants, the state history,
 * the event log with its hash chain, tasks and coordinated actions). Deterministic for a seed, with
 * dates relative to `now`, spread from before the previous statistical year to today. The rows are
 * written by `writeGenerated` (seed/bulk-insert.ts) with bulk INSERTs.
 */

/** The agencies and people the generated cases belong to (ids of existing rows). */
export interface GeneratorWorld {
  offices: Array<{
    id: string;
    officerIds: string[];
    /** Procuracy supervising the office's area (invited to coercions), if any. */
    procuracyId: string | null;
    communes: Array<{ id: string; name: string; peoplesCommitteeId: string | null; policeId: string | null }>;
  }>;
}

export interface GeneratorOptions {
  cases: number;
  now: Date;
  seed?: number;
  /** Prefix of judgment/decision numbers, so several runs never clash. */
  numberPrefix?: string;
}

type Row = Record<string, unknown>;

/** Every table's rows, ready for bulk insertion (column names as in the database). */
export interface GeneratedRows {
  enforcement_case: Row[];
  case_party: Row[];
  obligation: Row[];
  case_participant: Row[];
  case_state_history: Row[];
  case_task: Row[];
  case_action: Row[];
  action_participant: Row[];
  event: Row[];
  event_stream: Row[];
}

const DAY = 86_400_000;
const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Triệu',
  'Lục',
  'Nông',
  'Hà',
  'Vi',
  'Lò',
  'Quàng',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Hữu', 'Thu', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hạnh',
  'Khánh',
  'Lâm',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quyên',
  'Sáng',
  'Thắm',
  'Uyên',
  'Vượng',
  'Xoan',
  'Yên',
  'Tài',
];
const CREDITOR_ORGS = [
  'Ngân hàng TMCP Sông Xanh – Chi nhánh Lâm Sơn',
  'Quỹ tín dụng nhân dân Suối Khê',
  'Công ty TNHH Vật liệu Đồi Vàng',
  'Hợp tác xã Nông nghiệp Ngàn Bến',
];
const DEBTS = [
  'Trả nợ vay theo bản án',
  'Bồi thường thiệt hại',
  'Cấp dưỡng nuôi con',
  'Trả tiền mua bán hàng hóa',
  'Nộp án phí',
  'Hoàn trả tiền đặt cọc',
];

/** mulberry32: a small, well-known deterministic PRNG (reproducible demo data; not for secrets). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates `options.cases` cases in `world`. */
export function generateCases(world: GeneratorWorld, options: GeneratorOptions): GeneratedRows {
  const rnd = prng(options.seed ?? 20261001);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const chance = (p: number) => rnd() < p;
  const now = options.now.getTime();
  const currentYear = statisticalYearOf(options.now);
  const previousYearStart = resolvePeriod(PeriodKind.STATISTICAL_YEAR, currentYear - 1).start.getTime();
  const currentYearStart = resolvePeriod(PeriodKind.STATISTICAL_YEAR, currentYear).start.getTime();
  const earliest = previousYearStart - 150 * DAY;
  const prefix = options.numberPrefix ?? 'SP';
  const rows: GeneratedRows = {
    enforcement_case: [],
    case_party: [],
    obligation: [],
    case_participant: [],
    case_state_history: [],
    case_task: [],
    case_action: [],
    action_participant: [],
    event: [],
    event_stream: [],
  };
  const person = () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const decisionSeq = new Map<string, number>();

  for (let n = 0; n < options.cases; n++) {
    const office = world.offices[Math.floor(rnd() * world.offices.length)];
    const commune = pick(office.communes);
    const officerId = office.officerIds.length ? pick(office.officerIds) : null;
    const id = randomUUID();
    const money = chance(0.85);
    // Log-uniform 5 million – 20 billion đồng; now and then a very large one.
    const owed = money
      ? BigInt(Math.round(Math.exp(between(Math.log(5e6), Math.log(2e10))) / 1000) * 1000) * (chance(0.01) ? 50n : 1n)
      : 0n;
    const received = Math.round(between(earliest, now - 2 * DAY));

    // The life story, as (time, status, collected) steps; anything after `now` is cut off.
    const steps: Array<{ at: number; status: string; collected: bigint; transition?: string }> = [
      { at: received, status: 'RECEIVED', collected: 0n },
    ];
    let t = received;
    let collected = 0n;
    const add = (days: number, status: string, transition?: string) => {
      t += Math.round(days * DAY);
      if (t >= now) return false;
      steps.push({ at: t, status, collected, transition });
      return true;
    };
    const pay = (amount: bigint, days: number, status: string) => {
      t += Math.round(days * DAY);
      if (t >= now || amount <= 0n) return t < now;
      collected += amount;
      steps.push({ at: t, status, collected });
      return true;
    };
    let deliveredAt: number | null = null;
    let decisionAt: number | null = null;
    let visit: { at: number; outcome: string } | null = null;
    const story = () => {
      if (!add(between(1, 4), 'DECISION_ISSUED', 'ISSUE_DECISION')) return;
      decisionAt = t;
      if (!add(between(1, 5), 'VOLUNTARY_PERIOD', 'RECORD_DELIVERY')) return;
      deliveredAt = t;
      if (!add(between(11, 13), 'VERIFICATION', 'START_VERIFICATION')) return;
      if (chance(0.2)) {
        if (!add(between(3, 15), 'NOT_YET_ENFORCEABLE', 'RECORD_NOT_YET_ENFORCEABLE')) return;
        if (chance(0.35)) add(between(30, 250), 'RETURNED', 'RETURN_REQUEST');
        return;
      }
      if (!add(between(3, 15), 'ENFORCEABLE', 'RECORD_ENFORCEABLE')) return;
      if (!add(between(1, 10), 'ENFORCING', 'START_ENFORCING')) return;
      const roll = rnd();
      const outcome =
        roll < 0.56
          ? 'COMPLETED'
          : roll < 0.62
            ? 'TERMINATED'
            : roll < 0.68
              ? 'ENTRUSTED'
              : roll < 0.75
                ? 'POSTPONED'
                : roll < 0.79
                  ? 'SUSPENDED'
                  : 'OPEN';
      const span = between(15, 330);
      if (chance(0.45))
        visit = {
          at: t + between(3, Math.min(span, 40)) * DAY,
          outcome: outcome === 'COMPLETED' ? 'VOLUNTARY_COMPLIANCE' : outcome === 'OPEN' ? 'REFUSED' : 'PARTIAL_PAYMENT',
        };
      if (outcome === 'COMPLETED') {
        const parts = money ? 1 + Math.floor(rnd() * 3) : 0;
        for (let i = 1; i <= parts; i++) {
          const amount = i === parts ? owed - collected : (owed * BigInt(Math.round(between(15, 45)))) / 100n;
          if (!pay(amount, span / (parts + 1), 'ENFORCING')) return;
        }
        add(span / (parts + 1), 'COMPLETED', 'COMPLETE');
        return;
      }
      if (money && outcome !== 'ENTRUSTED' ? chance(0.5) : chance(0.3)) {
        if (!pay((owed * BigInt(Math.round(between(10, 40)))) / 100n, span / 2, 'ENFORCING')) return;
      }
      if (outcome === 'OPEN') return;
      add(
        span / 2,
        outcome,
        outcome === 'TERMINATED' ? 'TERMINATE' : outcome === 'ENTRUSTED' ? 'ENTRUST' : outcome === 'POSTPONED' ? 'POSTPONE' : 'SUSPEND',
      );
    };
    story();

    const last = steps[steps.length - 1];
    const final = ['COMPLETED', 'TERMINATED', 'RETURNED', 'ENTRUSTED'].includes(last.status);
    const accepted = steps.find((s) => s.status !== 'RECEIVED')?.at ?? null;
    const debtor = person();
    const creditor = chance(0.3) ? pick(CREDITOR_ORGS) : person();
    const judgmentNumber = `${prefix}-${n + 1}/${new Date(received).getUTCFullYear()}/DS-ST`;
    let decisionNumber: string | null = null;
    if (decisionAt) {
      const seq = (decisionSeq.get(office.id) ?? 0) + 1;
      decisionSeq.set(office.id, seq);
      decisionNumber = `${prefix}${seq}/QĐ-THA`;
    }
    const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());
    const localDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    rows.enforcement_case.push({
      id,
      decision_number: decisionNumber,
      decision_date: decisionAt ? localDate(decisionAt) : null,
      judgment_number: judgmentNumber,
      judgment_court: 'Tòa án nhân dân khu vực – tỉnh Lâm Sơn',
      judgment_date: localDate(received - 30 * DAY),
      received_at: iso(received),
      kind: chance(0.8) ? 'ON_REQUEST' : 'PROACTIVE',
      lead_agency_id: office.id,
      officer_id: officerId,
      commune_id: commune.id,
      status: last.status,
      resume_status: ['POSTPONED', 'SUSPENDED'].includes(last.status) ? 'ENFORCING' : null,
      complex: !final && chance(0.08),
      backlog: !final && accepted != null && accepted < currentYearStart,
      urgent_security: false,
      notes: null,
      decision_due_at: iso(received + 7 * DAY),
      decision_delivered_at: iso(deliveredAt),
      voluntary_period_ends_at: iso(deliveredAt ? deliveredAt + 10 * DAY : null),
      verification_due_at: iso(deliveredAt ? deliveredAt + 24 * DAY : null),
      search_text: foldForSearch([decisionNumber ?? '', judgmentNumber, debtor, creditor].join(' | ')),
      version: steps.length,
      created_at: iso(received),
      updated_at: iso(last.at),
    });
    const debtorId = randomUUID();
    const creditorId = randomUUID();
    rows.case_party.push(
      {
        id: debtorId,
        case_id: id,
        position: 0,
        role: 'DEBTOR',
        kind: 'PERSON',
        name: debtor,
        address: `Thôn ${pick(GIVEN)}, ${commune.name}`,
        id_number: null,
        phone: null,
        created_at: iso(received),
      },
      {
        id: creditorId,
        case_id: id,
        position: 1,
        role: 'CREDITOR',
        kind: CREDITOR_ORGS.includes(creditor) ? 'ORGANISATION' : 'PERSON',
        name: creditor,
        address: null,
        id_number: null,
        phone: null,
        created_at: iso(received),
      },
    );
    rows.obligation.push({
      id: randomUUID(),
      case_id: id,
      position: 0,
      kind: money ? 'PAY_MONEY' : 'HAND_OVER_LAND',
      description: money ? pick(DEBTS) : 'Trả lại quyền sử dụng đất theo bản án',
      debtor_id: debtorId,
      creditor_id: creditorId,
      amount_owed: money ? owed.toString() : null,
      amount_collected: last.collected.toString(),
      land_area_m2: money ? null : String(Math.round(between(100, 5000))),
      fulfilled: !money && last.status === 'COMPLETED',
      created_at: iso(received),
    });
    rows.case_participant.push({
      id: randomUUID(),
      case_id: id,
      agency_id: office.id,
      role: 'LEAD',
      added_by_id: officerId,
      added_at: iso(received),
      removed_at: null,
    });
    const sharedWithCommune = commune.peoplesCommitteeId != null && chance(0.7);
    if (sharedWithCommune)
      rows.case_participant.push({
        id: randomUUID(),
        case_id: id,
        agency_id: commune.peoplesCommitteeId,
        role: 'SUPPORT',
        added_by_id: officerId,
        added_at: iso(received + DAY),
        removed_at: null,
      });

    // State history: one row per step, closed by the next.
    steps.forEach((s, i) => {
      rows.case_state_history.push({
        case_id: id,
        valid_from: iso(s.at),
        valid_to: iso(steps[i + 1]?.at ?? null),
        status: s.status,
        lead_agency_id: office.id,
        commune_id: commune.id,
        officer_id: officerId,
        amount_owed: owed.toString(),
        amount_collected: s.collected.toString(),
        accepted_at: accepted != null && accepted <= s.at ? iso(accepted) : null,
      });
    });

    // The event log: what CaseService would have appended, hash-chained per case.
    const stream = `case:${id}`;
    let prevHash = GENESIS_HASH;
    steps.forEach((s, i) => {
      const prev = steps[i - 1];
      const event = {
        type: i === 0 ? 'case.created' : s.transition ? 'case.transitioned' : 'case.progressRecorded',
        stream,
        actorId: officerId,
        topics: i === 0 ? [stream, `agency:${office.id}`] : [stream],
        payload:
          i === 0
            ? {
                caseId: id,
                version: 1,
                judgmentNumber,
                communeId: commune.id,
                parties: 2,
                obligations: 1,
                totalOwed: owed.toString(),
                generated: true,
              }
            : s.transition
              ? { caseId: id, version: i + 1, transition: s.transition, from: prev.status, to: s.status, reason: null, generated: true }
              : {
                  caseId: id,
                  version: i + 1,
                  collected: (s.collected - prev.collected).toString(),
                  totalCollected: s.collected.toString(),
                  generated: true,
                },
      };
      const row = chainedEventRow(prevHash, event, BigInt(i + 1), new Date(s.at));
      rows.event.push(row);
      prevHash = row.hash;
    });
    rows.event_stream.push({ stream, last_seq: String(steps.length), last_hash: prevHash });

    // Coordination on open cases: commune tasks (some overdue, some escalated), visits, coercions.
    const open = !final && ['ENFORCEABLE', 'ENFORCING'].includes(last.status);
    if (open && sharedWithCommune && officerId && chance(0.35)) {
      const overdue = chance(0.45);
      const due = overdue ? now - between(1, 40) * DAY : now + between(2, 20) * DAY;
      rows.case_task.push({
        id: randomUUID(),
        case_id: id,
        kind: 'PERSUADE',
        title: 'Phối hợp vận động người phải thi hành án tự nguyện thi hành',
        details: null,
        assignee_agency_id: commune.peoplesCommitteeId,
        assignee_id: null,
        created_by_id: officerId,
        status: chance(0.5) ? 'OPEN' : 'ACCEPTED',
        priority: 'NORMAL',
        due_at: iso(due),
        reason: null,
        result_note: null,
        completed_at: null,
        escalated_at: overdue && due < now - 3 * DAY && chance(0.5) ? iso(due + 3 * DAY) : null,
        version: 1,
        created_at: iso(Math.min(due, now) - 10 * DAY),
        updated_at: iso(Math.min(due, now) - 10 * DAY),
      });
    }
    if (officerId) {
      const v = visit as { at: number; outcome: string } | null;
      if (v && v.at < now) {
        const end = v.at + 2 * 3_600_000;
        rows.case_action.push(
          action(id, 'PERSUASION_VISIT', 'Buổi vận động, thuyết phục tại nhà văn hóa thôn', v.at, end, officerId, {
            status: 'COMPLETED',
            outcome: v.outcome,
            completed_at: iso(end),
          }),
        );
      } else if (open && chance(0.12)) {
        const start = workingMorning(now + between(1, 14) * DAY);
        rows.case_action.push(
          action(id, 'PERSUASION_VISIT', 'Buổi vận động, thuyết phục tại nhà văn hóa thôn', start, start + 2 * 3_600_000, officerId, {}),
        );
      }
      if (open && last.status === 'ENFORCING' && chance(0.05)) {
        const start = workingMorning(now + between(1, 20) * DAY);
        const coercion = action(id, 'COERCION', `Cưỡng chế thi hành án – ${debtor}`, start, start + 4 * 3_600_000, officerId, {
          status: chance(0.3) ? 'READY' : 'PLANNED',
          person_coerced: debtor,
          measure: 'Kê biên, xử lý tài sản',
          method: 'Kê biên quyền sử dụng đất',
          forces: 'Chấp hành viên, Công an, UBND xã',
          protection: 'Công an xã bảo vệ',
          cost_estimate: '15000000',
          protection_plan_due_at: iso(start - 5 * DAY),
          protection_plan_recorded_at: chance(0.5) ? iso(start - 6 * DAY) : null,
        });
        rows.case_action.push(coercion);
        const invite = (agencyId: string | null) => {
          if (!agencyId) return;
          rows.action_participant.push({
            id: randomUUID(),
            action_id: coercion.id,
            agency_id: agencyId,
            required: true,
            status: chance(0.6) ? 'CONFIRMED' : 'INVITED',
            decline_reason: null,
            task_id: null,
            invited_at: iso(start - 10 * DAY),
            responded_at: null,
            responded_by_id: null,
            version: 1,
          });
        };
        invite(office.procuracyId);
        invite(commune.policeId);
        if (chance(0.8)) invite(commune.peoplesCommitteeId);
      }
    }
  }
  return rows;
}

/** 08:00 Viet Nam time on the first weekday at or after `ms` (demo coercions avoid weekends; Đ.46 is checked for real plans). */
function workingMorning(ms: number): number {
  const local = new Date(ms + 7 * 3_600_000);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 8) - 7 * 3_600_000;
  while ([0, 6].includes(new Date(day + 7 * 3_600_000).getUTCDay())) day += DAY;
  return day;
}

function action(
  caseId: string,
  kind: string,
  title: string,
  start: number,
  end: number,
  officerId: string,
  extra: Row,
): Row & { id: string } {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: randomUUID(),
    case_id: caseId,
    kind,
    title,
    status: 'PLANNED',
    scheduled_start: iso(start),
    scheduled_end: iso(end),
    place: 'Nhà văn hóa thôn',
    lead_officer_id: officerId,
    created_by_id: officerId,
    person_coerced: null,
    measure: null,
    method: null,
    forces: null,
    protection: null,
    cost_estimate: null,
    protection_plan_due_at: null,
    protection_plan_recorded_at: null,
    protection_plan_note: null,
    protection_plan_recorded_by_id: null,
    protection_task_id: null,
    postponement_requested_at: null,
    postponement_reason: null,
    postponement_late: false,
    reason: null,
    outcome: null,
    minutes: null,
    attendees: null,
    money_collected: '0',
    completed_at: null,
    version: 1,
    created_at: iso(Math.min(start, Date.now()) - 7 * DAY),
    updated_at: iso(Math.min(start, Date.now()) - 7 * DAY),
    ...extra,
  } as Row & { id: string };
}
