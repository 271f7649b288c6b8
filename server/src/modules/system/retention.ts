import type { EntityManager } from '@mikro-orm/postgresql';
import { pruneEventsBefore } from '../../events/event-log';
import type { Scheduler } from '../../scheduler/scheduler';
import type { AppServices } from '../../services';

/** Rows removed by one clean-up run, by table. */
export interface RetentionReport {
  idempotencyKeys: number;
  signinThrottle: number;
  /** Events deleted by the event-log retention (0 when it keeps everything, the default). */
  events: number;
}

/** Rows deleted per statement: keeps each delete short, so it never holds locks or bloats WAL for long. */
const DELETE_BATCH = 5000;

async function deleteInBatches(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await em.getConnection().execute<{ affectedRows?: number }>(sql, [...params, DELETE_BATCH], 'run');
    const deleted = Number(result.affectedRows ?? 0);
    total += deleted;
    if (deleted < DELETE_BATCH) return total;
  }
}

/**
 * Deletes what has outlived its purpose: idempotency keys older than `idempotencyKeyTtlHours` (a retry
 * after that is a new request) and sign-in throttle rows whose window ended (`expire` is epoch ms).
 * Safe to run on several instances at once: each statement deletes rows by age, so a second run
 * finds nothing. The event log — the audit trail — is kept in full unless `eventLogRetentionDays` is
 * set (EVENT_LOG_RETENTION_DAYS > 0): then events older than that are deleted stream prefix by
 * stream prefix, with the chain's new starting point recorded (`pruneEventsBefore`).
 */
export async function runRetentionCleanup(
  em: EntityManager,
  options: { idempotencyKeyTtlHours: number; eventLogRetentionDays?: number; now?: Date },
): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const keyCutoff = new Date(now.getTime() - options.idempotencyKeyTtlHours * 3_600_000);
  const idempotencyKeys = await deleteInBatches(
    em,
    `delete from idempotency_key where ctid = any(array(select ctid from idempotency_key where created_at < ? limit ?))`,
    [keyCutoff],
  );
  const signinThrottle = await deleteInBatches(
    em,
    `delete from signin_throttle where ctid = any(array(select ctid from signin_throttle where expire is not null and expire < ? limit ?))`,
    [now.getTime()],
  );
  const events = options.eventLogRetentionDays
    ? await pruneEventsBefore(em, new Date(now.getTime() - options.eventLogRetentionDays * 86_400_000))
    : 0;
  return { idempotencyKeys, signinThrottle, events };
}

/**
 * Registers the retention clean-up (`runRetentionCleanup`) every RETENTION_INTERVAL_MS, first shortly
 * after start. Idempotent; single-runner so instances do not delete the same rows side by side.
 */
export function registerRetentionJob(scheduler: Scheduler, services: AppServices): void {
  scheduler.register({
    name: 'system.retention-cleanup',
    intervalMs: services.config.RETENTION_INTERVAL_MS,
    firstRunAfterMs: Math.min(services.config.RETENTION_INTERVAL_MS, 30_000),
    singleRunner: true,
    run: async ({ em }) => {
      const report = await runRetentionCleanup(em, {
        idempotencyKeyTtlHours: services.config.IDEMPOTENCY_KEY_TTL_HOURS,
        eventLogRetentionDays: services.config.EVENT_LOG_RETENTION_DAYS,
      });
      services.metrics.rowsDeleted('idempotency_key', report.idempotencyKeys);
      services.metrics.rowsDeleted('signin_throttle', report.signinThrottle);
      services.metrics.rowsDeleted('event', report.events);
      if (report.idempotencyKeys || report.signinThrottle || report.events)
        services.logger.info(report, 'retention clean-up removed expired rows');
    },
  });
}
