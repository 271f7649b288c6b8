import type { Scheduler } from '../../scheduler/scheduler';
import type { AppServices } from '../../services';

/**
 * Registers the imports module's timed job: `imports.sweep-stale-jobs`, once right after start and
 * then every IMPORT_JOB_SWEEP_INTERVAL_MS. It marks FAILED the import jobs whose instance died while
 * they ran (ImportJobs.sweepStale), so nobody polls a RUNNING job forever. Safe on any number of
 * instances (a live job holds its lock); single-runner spares the duplicate statement.
 */
export function registerImportJobSweep(scheduler: Scheduler, services: AppServices): void {
  scheduler.register({
    name: 'imports.sweep-stale-jobs',
    intervalMs: services.config.IMPORT_JOB_SWEEP_INTERVAL_MS,
    firstRunAfterMs: 0,
    singleRunner: true,
    run: async ({ em }) => {
      const ids = await services.importJobs.sweepStale(em, services.config.IMPORT_JOB_STALE_AFTER_MS);
      if (ids.length) services.logger.warn({ ids }, 'import jobs left running by a stopped instance marked failed');
    },
  });
}
