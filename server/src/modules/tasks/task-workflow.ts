import { type StepRow, stepChecker } from '../../workflow';
import { TaskStatus } from './task.entity';

/** A step of the task workflow, as requested through `transitionTask`. */
export enum TaskAction {
  ACCEPT = 'ACCEPT',
  START = 'START',
  COMPLETE = 'COMPLETE',
  DECLINE = 'DECLINE',
  CANCEL = 'CANCEL',
}

/** The rule name given with RULE_VIOLATION for an illegal step. */
export const TASK_WORKFLOW_RULE = 'Quy trình nhiệm vụ phối hợp';

/** The event each workflow step appends. */
export type TaskStepEventType = 'task.accepted' | 'task.started' | 'task.completed' | 'task.declined' | 'task.cancelled';

/** Which statuses each action may start from, and where it leads. Terminal: DONE, DECLINED, CANCELLED. */
export const TASK_ACTIONS: Record<TaskAction, StepRow<TaskStatus> & { event: TaskStepEventType; needsReason: boolean }> = {
  ACCEPT: { from: [TaskStatus.OPEN], to: TaskStatus.ACCEPTED, event: 'task.accepted', needsReason: false },
  START: { from: [TaskStatus.ACCEPTED], to: TaskStatus.IN_PROGRESS, event: 'task.started', needsReason: false },
  COMPLETE: { from: [TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS], to: TaskStatus.DONE, event: 'task.completed', needsReason: false },
  DECLINE: { from: [TaskStatus.OPEN, TaskStatus.ACCEPTED], to: TaskStatus.DECLINED, event: 'task.declined', needsReason: true },
  CANCEL: {
    from: [TaskStatus.OPEN, TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS],
    to: TaskStatus.CANCELLED,
    event: 'task.cancelled',
    needsReason: false,
  },
};

/** Statuses in which a task still needs work (and can be overdue). */
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = [TaskStatus.OPEN, TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS];

const STATUS_VI: Record<TaskStatus, string> = {
  OPEN: 'mới giao',
  ACCEPTED: 'đã nhận',
  IN_PROGRESS: 'đang thực hiện',
  DONE: 'đã hoàn thành',
  DECLINED: 'đã từ chối',
  CANCELLED: 'đã hủy',
};
const ACTION_VI: Record<TaskAction, string> = {
  ACCEPT: 'nhận',
  START: 'bắt đầu thực hiện',
  COMPLETE: 'báo hoàn thành',
  DECLINE: 'từ chối',
  CANCEL: 'hủy',
};

/** Checks a workflow step; returns the next status or a message an official can act on. */
export const checkTaskAction = stepChecker(TASK_ACTIONS, {
  subject: 'Nhiệm vụ',
  statuses: STATUS_VI,
  steps: ACTION_VI,
  when: 'khi nhiệm vụ',
});

/** True when the task still needs work and its deadline has passed. */
export function isOverdue(task: { status: TaskStatus; dueAt?: Date | null }, now = new Date()): boolean {
  return ACTIVE_TASK_STATUSES.includes(task.status) && !!task.dueAt && task.dueAt < now;
}
