import type { AppServices } from '../../services';

/**
 * Runs `tasks.escalateOverdueTasks` every `intervalMs` (default 5 minutes) until the returned stop
 * function is called. Safe with several instances: each task is escalated once (conditional update
 * in the event's transaction). Failures are logged and retried at the next tick.
 */
export function startEscalationTimer(services: AppServices, intervalMs = 5 * 60_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return; // a slow run is never overlapped by the next tick
    running = services.tasks
      .escalateOverdueTasks(services.orm.em.fork())
      .then((ids) => {
        if (ids.length) services.logger.info({ count: ids.length }, 'overdue tasks escalated');
        return services.actions.escalateMissedDeadlines(services.orm.em.fork());
      })
      .then((ids) => {
        if (ids?.length) services.logger.info({ count: ids.length }, 'missed legal deadlines escalated');
      })
      .catch((err) => services.logger.warn({ err }, 'task escalation failed; retrying at the next tick'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
