import { type StepRow, stepChecker } from '../../workflow';
import type { CitationCode } from '../calendar/calendar.surface';
import { ActionKind, ActionStatus } from './action.entity';

/**
 * The action workflow as one transition table: planned → ready → in progress → completed, or
 * postponed / cancelled. Each row names its source; the coercion-specific preconditions of a step
 * (protection plan before READY, Điều 72) live in coercion-rules.ts. Pure: no I/O.
 */
export enum ActionStep {
  MARK_READY = 'MARK_READY',
  START = 'START',
  /** Reached through `recordActionOutcome` (the outcome and minutes are required). */
  COMPLETE = 'COMPLETE',
  POSTPONE = 'POSTPONE',
  /** A planned, ready or postponed action is planned again at a new time (coercion rules re-checked). */
  RESCHEDULE = 'RESCHEDULE',
  CANCEL = 'CANCEL',
}

/** The rule name given with RULE_VIOLATION for an illegal step of any action. */
export const ACTION_WORKFLOW_RULE = 'Quy trình tổ chức thi hành án phối hợp';

interface StepRule extends StepRow<ActionStatus> {
  event: 'action.ready' | 'action.started' | 'action.completed' | 'action.postponed' | 'action.rescheduled' | 'action.cancelled';
  needsReason: boolean;
  /** Legal sources for coercions (shown in refusals of coercion steps), as codes of the citation table. */
  coercionCitations: readonly CitationCode[];
}

export const ACTION_STEPS: Readonly<Record<ActionStep, StepRule>> = {
  MARK_READY: {
    from: [ActionStatus.PLANNED],
    to: ActionStatus.READY,
    event: 'action.ready',
    needsReason: false,
    coercionCitations: ['COERCION_PLAN'],
  },
  START: {
    from: [ActionStatus.READY],
    to: ActionStatus.IN_PROGRESS,
    event: 'action.started',
    needsReason: false,
    coercionCitations: ['FORBIDDEN_TIMES', 'COERCION_PLAN'],
  },
  COMPLETE: {
    from: [ActionStatus.IN_PROGRESS],
    to: ActionStatus.COMPLETED,
    event: 'action.completed',
    needsReason: false,
    coercionCitations: ['COERCION_PLAN'],
  },
  POSTPONE: {
    from: [ActionStatus.PLANNED, ActionStatus.READY],
    to: ActionStatus.POSTPONED,
    event: 'action.postponed',
    needsReason: true,
    coercionCitations: ['POSTPONEMENT'],
  },
  // A planned or ready action may be moved to a new time in one step (e.g. a coercion a calendar change
  // put on a forbidden day); it is planned again, so a ready one must be marked ready again.
  RESCHEDULE: {
    from: [ActionStatus.PLANNED, ActionStatus.READY, ActionStatus.POSTPONED],
    to: ActionStatus.PLANNED,
    event: 'action.rescheduled',
    needsReason: false,
    coercionCitations: ['FORBIDDEN_TIMES', 'COERCION_PLAN'],
  },
  CANCEL: {
    from: [ActionStatus.PLANNED, ActionStatus.READY, ActionStatus.POSTPONED],
    to: ActionStatus.CANCELLED,
    event: 'action.cancelled',
    needsReason: true,
    coercionCitations: ['COERCION_PLAN'],
  },
};

/** Statuses in which the action still lies ahead (invitations can be answered, deadlines matter). */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = [ActionStatus.PLANNED, ActionStatus.READY, ActionStatus.POSTPONED];

const STATUS_VI: Record<ActionStatus, string> = {
  PLANNED: 'đã lên kế hoạch',
  READY: 'sẵn sàng',
  IN_PROGRESS: 'đang tiến hành',
  COMPLETED: 'đã kết thúc',
  POSTPONED: 'đã hoãn',
  CANCELLED: 'đã hủy',
};
const STEP_VI: Record<ActionStep, string> = {
  MARK_READY: 'chuyển sang sẵn sàng',
  START: 'bắt đầu',
  COMPLETE: 'ghi nhận kết quả',
  POSTPONE: 'hoãn',
  RESCHEDULE: 'lên lịch lại',
  CANCEL: 'hủy',
};

export const ACTION_KIND_VI: Record<ActionKind, string> = {
  PERSUASION_VISIT: 'Buổi vận động, thuyết phục',
  COORDINATION_MEETING: 'Họp phối hợp',
  VERIFICATION_VISIT: 'Xác minh điều kiện thi hành án',
  COERCION: 'Cưỡng chế thi hành án',
};

/** Checks a workflow step; returns the next status or a message an official can act on. */
export const checkActionStep = stepChecker(ACTION_STEPS, { subject: 'Buổi làm việc', statuses: STATUS_VI, steps: STEP_VI, when: 'khi' });
