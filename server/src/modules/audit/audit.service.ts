import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type AuditProgress, type AuditReport, verifyAuditChain } from '../../events/event-log';
import type { Logger } from '../../logger';

/** A verification of the whole log running in the background on this instance. */
export interface AuditJob {
  id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  startedAt: Date;
  finishedAt: Date | null;
  progress: AuditProgress;
  report: AuditReport | null;
}

/** Finished jobs kept for polling; older ones are forgotten first. */
const KEPT_JOBS = 20;

/**
 * Verifying the event log (system admins; the resolver checks 'audit.verify'): at once in the request
 * (`verify`), or as a background run of `verifyAuditChain` polled for progress (`start`, `get`). Both
 * use the checkpoint key, so a log rewritten with every hash recomputed is still caught. One background
 * run at a time per instance: starting while one runs returns that run. Jobs live in this process's
 * memory (a poll must reach the instance that started it).
 */
export class AuditService {
  private readonly jobs = new Map<string, AuditJob>();
  private running: AuditJob | null = null;

  constructor(
    /** The job pool (openJobOrm): a long verification runs under the job statement budget. */
    private readonly orm: MikroORM,
    private readonly checkpointKey: Buffer,
    private readonly logger: Logger,
    /** Events per read (AUDIT_VERIFY_BATCH_SIZE). */
    private readonly batchSize = 2000,
  ) {}

  /** Verifies the whole log now, on the caller's EntityManager (its request budget). */
  verify(em: EntityManager): Promise<AuditReport> {
    return verifyAuditChain(em, { checkpointKey: this.checkpointKey });
  }

  /** Starts a verification unless one is running; returns the running job either way. */
  start(): AuditJob {
    if (this.running) return this.running;
    const job: AuditJob = {
      id: randomUUID(),
      status: 'RUNNING',
      startedAt: new Date(),
      finishedAt: null,
      progress: { eventsChecked: 0, eventsTotal: 0, streamsChecked: 0 },
      report: null,
    };
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEPT_JOBS) this.jobs.delete(this.jobs.keys().next().value as string);
    this.running = job;
    verifyAuditChain(this.orm.em.fork(), {
      checkpointKey: this.checkpointKey,
      batchSize: this.batchSize,
      onProgress: (p) => {
        job.progress = p;
      },
    })
      .then((report) => {
        job.report = report;
        job.status = 'DONE';
        if (!report.ok) this.logger.warn({ problems: report.problems.slice(0, 5) }, 'audit verification found problems');
      })
      .catch((err) => {
        job.status = 'FAILED';
        this.logger.error({ err }, 'audit verification failed');
      })
      .finally(() => {
        job.finishedAt = new Date();
        this.running = null;
      });
    return job;
  }

  /** The job with this id, or null (unknown, forgotten, or started on another instance). */
  get(id: string): AuditJob | null {
    return this.jobs.get(id) ?? null;
  }

  /** Waits for the running job, if any (shutdown). */
  async drain(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }
}
