import type { Scheduler } from '../../scheduler/scheduler';
import type { AppServices } from '../../services';

/**
 * Registers the tasks module's timed job: `tasks.escalateOverdueTasks` every
 * TASK_ESCALATION_INTERVAL_MS. Safe with several instances (each task is escalated once, by a
 * conditional update in the event's transaction); single-runner only to spare the duplicate work.
 */
export function registerTaskJobs(scheduler: Scheduler, services: AppServices): void {
  scheduler.register({
    name: 'tasks.escalate-overdue',
    intervalMs: services.config.TASK_ESCALATION_INTERVAL_MS,
    singleRunner: true,
    run: async ({ em }) => {
      const ids = await services.tasks.escalateOverdueTasks(em);
      if (ids.length) services.logger.info({ count: ids.length }, 'overdue tasks escalated');
    },
  });
}
