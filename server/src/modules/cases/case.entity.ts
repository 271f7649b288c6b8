import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity';
import { Area } from '../areas/area.entity';
import { User } from '../users/user.entity';
import { CaseStatus } from './case-lifecycle';

export enum CaseKind {
  /** Thi hành án theo đơn yêu cầu. */
  ON_REQUEST = 'ON_REQUEST',
  /** Chủ động thi hành án. */
  PROACTIVE = 'PROACTIVE',
}

export enum PartyRole {
  DEBTOR = 'DEBTOR',
  CREDITOR = 'CREDITOR',
  RELATED = 'RELATED',
}

export enum PartyKind {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
}

export enum ObligationKind {
  PAY_MONEY = 'PAY_MONEY',
  HAND_OVER_LAND = 'HAND_OVER_LAND',
  HAND_OVER_PROPERTY = 'HAND_OVER_PROPERTY',
  PERFORM_ACT = 'PERFORM_ACT',
  OTHER = 'OTHER',
}

export enum ParticipantRole {
  LEAD = 'LEAD',
  SUPPORT = 'SUPPORT',
  SUPERVISOR = 'SUPERVISOR',
  STEERING = 'STEERING',
  PROTECTION = 'PROTECTION',
  INFORMATION_PROVIDER = 'INFORMATION_PROVIDER',
  JUDGMENT_EXPLANATION = 'JUDGMENT_EXPLANATION',
}

/**
 * One enforcement case (việc thi hành án) = one enforcement decision. Everything shared between
 * agencies hangs on it. Deadlines are computed by the lifecycle from the legal calendar and stored, so
 * lists can filter "overdue" in SQL.
 */
@Entity({ tableName: 'enforcement_case' })
@Index({ name: 'case_search_idx', properties: ['searchText'] })
// The case list's default order (newest first): PostgreSQL walks this index and stops after the page
// instead of sorting every visible case (a steering member sees the whole province).
@Index({
  name: 'enforcement_case_created_at_id_idx',
  expression: 'create index "enforcement_case_created_at_id_idx" on "enforcement_case" ("created_at" desc, "id" desc)',
})
export class EnforcementCase {
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt' | 'complex' | 'backlog' | 'urgentSecurity' | 'searchText';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Số quyết định thi hành án, e.g. "12/QĐ-THA"; unique per lead office. Null until issued. */
  @Property({ type: 'string', length: 64, nullable: true })
  decisionNumber?: string | null;

  @Property({ type: 'date', nullable: true })
  decisionDate?: string | null;

  /** Indexed: a new case for the same judgment is linked to the earlier ones (rule 7). */
  @Index()
  @Property({ type: 'string', length: 64 })
  judgmentNumber!: string;

  @Property({ type: 'string', length: 300 })
  judgmentCourt!: string;

  @Property({ type: 'date' })
  judgmentDate!: string;

  /** When the judgment or the creditor's request reached the office (Đ.36 deadline runs from it). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  receivedAt!: Date;

  @Enum({ items: () => CaseKind, nativeEnumName: 'case_kind' })
  kind!: CaseKind;

  @Index()
  @ManyToOne(() => Agency)
  leadAgency!: Rel<Agency>;

  @Index()
  @ManyToOne(() => User, { nullable: true })
  officer?: Rel<User> | null;

  /** The commune where the case is enforced: decides who supervises it. */
  @Index()
  @ManyToOne(() => Area)
  commune!: Rel<Area>;

  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status' })
  status: CaseStatus = CaseStatus.RECEIVED;

  /** Where a postponed or suspended case returns to when it resumes. */
  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status', nullable: true })
  resumeStatus?: CaseStatus | null;

  @Property({ type: 'boolean', default: false })
  complex: boolean = false;

  @Property({ type: 'boolean', default: false })
  backlog: boolean = false;

  /** Flagged for urgent security measures: coercion may precede the end of the voluntary period (Đ.45). */
  @Property({ type: 'boolean', default: false })
  urgentSecurity: boolean = false;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  /** Đ.36: decision due. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  decisionDueAt?: Date | null;

  /** When the debtor received the decision (starts the voluntary period). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  decisionDeliveredAt?: Date | null;

  /** Đ.45: end of the 10-day voluntary period. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  voluntaryPeriodEndsAt?: Date | null;

  /** Đ.44: verification due (10 days after the voluntary period). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  verificationDueAt?: Date | null;

  /** Lower-case, diacritic-free decision/judgment numbers and party names, for search. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';

  @OneToMany(
    () => CaseParty,
    (p) => p.case,
  )
  parties = new Collection<CaseParty>(this);

  @OneToMany(
    () => Obligation,
    (o) => o.case,
  )
  obligations = new Collection<Obligation>(this);

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A person or organisation in the case. ID and phone numbers are restricted (ND 13/2023). */
@Entity({ tableName: 'case_party' })
export class CaseParty {
  [OptionalProps]?: 'createdAt' | 'position';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  /** Order of entry within the case (the first debtor listed is the main one); ties broken by id. */
  @Property({ type: 'smallint', default: 0 })
  position: number = 0;

  @Enum({ items: () => PartyRole, nativeEnumName: 'party_role' })
  role!: PartyRole;

  @Enum({ items: () => PartyKind, nativeEnumName: 'party_kind' })
  kind!: PartyKind;

  @Property({ type: 'string', length: 300 })
  name!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;

  /** Indexed: offices opening cases against the same debtor are warned (deconfliction). */
  @Index()
  @Property({ type: 'string', length: 32, nullable: true, lazy: true })
  idNumber?: string | null;

  @Property({ type: 'string', length: 32, nullable: true, lazy: true })
  phone?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}

/** What the debtor must do. Money is integer đồng in a bigint (string in JS), never a float. */
@Entity({ tableName: 'obligation' })
export class Obligation {
  [OptionalProps]?: 'amountCollected' | 'fulfilled' | 'createdAt' | 'position';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  /**
   * Order of entry within the case; ties broken by id. Obligations entered in one request share their
   * createdAt (to the millisecond, an import's whole file), so the time cannot order them.
   */
  @Property({ type: 'smallint', default: 0 })
  position: number = 0;

  @Enum({ items: () => ObligationKind, nativeEnumName: 'obligation_kind' })
  kind!: ObligationKind;

  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => CaseParty, { nullable: true })
  debtor?: Rel<CaseParty> | null;

  @ManyToOne(() => CaseParty, { nullable: true })
  creditor?: Rel<CaseParty> | null;

  /** Đồng owed (PAY_MONEY), as a decimal string of a bigint. */
  @Property({ type: 'bigint', nullable: true })
  amountOwed?: string | null;

  @Property({ type: 'bigint', default: '0' })
  amountCollected: string = '0';

  /** m² of land to hand over (HAND_OVER_LAND). */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  landAreaM2?: string | null;

  /** Non-money obligations are marked fulfilled when done. */
  @Property({ type: 'boolean', default: false })
  fulfilled: boolean = false;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}

/**
 * An agency taking part in a case. Rows are never deleted: removal sets `removedAt`, so the history
 * of who could see the case stays queryable. At most one active row per (case, agency).
 */
@Entity({ tableName: 'case_participant' })
@Index({
  name: 'case_participant_active_idx',
  expression: 'create unique index "case_participant_active_idx" on "case_participant" ("case_id", "agency_id") where "removed_at" is null',
})
@Index({ properties: ['agency', 'removedAt'] })
export class CaseParticipant {
  [OptionalProps]?: 'addedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  @Enum({ items: () => ParticipantRole, nativeEnumName: 'participant_role' })
  role!: ParticipantRole;

  @ManyToOne(() => User, { nullable: true })
  addedBy?: Rel<User> | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  addedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  removedAt?: Date | null;
}
