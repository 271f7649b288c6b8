import { describe, expect, it } from 'vitest';
import { ActionStatus } from '../../server/src/modules/actions/action.entity';
import { ActionStep, checkActionStep } from '../../server/src/modules/actions/action-workflow';
import { TaskStatus } from '../../server/src/modules/tasks/task.entity';
import { checkTaskAction, TaskAction } from '../../server/src/modules/tasks/task-workflow';

// Both workflow tables share one check (server/src/workflow.ts); their refusals keep their own words.
describe('workflow step checks', () => {
  it('an allowed task step leads to its status; a refused one names the current and the needed statuses', () => {
    expect(checkTaskAction(TaskStatus.OPEN, TaskAction.ACCEPT)).toEqual({ ok: true, to: TaskStatus.ACCEPTED });
    expect(checkTaskAction(TaskStatus.IN_PROGRESS, TaskAction.COMPLETE)).toEqual({ ok: true, to: TaskStatus.DONE });
    expect(checkTaskAction(TaskStatus.DONE, TaskAction.DECLINE)).toEqual({
      ok: false,
      message: 'Nhiệm vụ đang ở trạng thái "đã hoàn thành"; chỉ có thể từ chối khi nhiệm vụ "mới giao" hoặc "đã nhận".',
    });
  });

  it('an allowed action step leads to its status; a refused one names the current and the needed statuses', () => {
    expect(checkActionStep(ActionStatus.PLANNED, ActionStep.MARK_READY)).toEqual({ ok: true, to: ActionStatus.READY });
    expect(checkActionStep(ActionStatus.POSTPONED, ActionStep.RESCHEDULE)).toEqual({ ok: true, to: ActionStatus.PLANNED });
    expect(checkActionStep(ActionStatus.COMPLETED, ActionStep.POSTPONE)).toEqual({
      ok: false,
      message: 'Buổi làm việc đang ở trạng thái "đã kết thúc"; chỉ có thể hoãn khi "đã lên kế hoạch" hoặc "sẵn sàng".',
    });
  });
});
