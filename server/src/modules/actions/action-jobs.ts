import type { Scheduler } from '../../scheduler/scheduler';
import type { AppServices } from '../../services';

/**
 * Registers the actions module's timed job: `actions.escalateMissedDeadlines` every
 * ACTION_DEADLINE_CHECK_INTERVAL_MS. Each deadline escalates once (a `deadline_escalation` row in the
 * event's transaction), so a second instance could run it safely; single-runner spares the duplicate work.
 */
export function registerActionJobs(scheduler: Scheduler, services: AppServices): void {
  scheduler.register({
    name: 'actions.escalate-missed-deadlines',
    intervalMs: services.config.ACTION_DEADLINE_CHECK_INTERVAL_MS,
    singleRunner: true,
    run: async ({ em }) => {
      const ids = await services.actions.escalateMissedDeadlines(em);
      if (ids.length) services.logger.info({ count: ids.length }, 'missed legal deadlines escalated');
    },
  });
}
