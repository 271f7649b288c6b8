import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { conflict } from '../../errors';
import { type AuditProgress, type AuditReport, verifyAuditChain } from '../../events/event-log';
import type { Logger } from '../../logger';
import { AuditVerificationJob, AuditVerificationState } from './audit-verification-job.entity';

/** The advisory lock a running verification holds (liveness, and one run at a time across instances). */
const RUN_LOCK = 'phoihop:audit-verification';
/** Progress is written at most this often (ms) while a run reads the log. */
const PROGRESS_WRITE_MS = 500;
/** How long `start` waits for the run another instance is starting to appear (ms). */
const OTHER_START_WAIT_MS = 2000;

const ORPHANED = 'Máy chủ thực hiện lượt kiểm tra đã dừng trước khi kiểm tra xong; hãy chạy lại.';
const UNREADABLE = 'Không đọc được nhật ký sự kiện đến hết (cơ sở dữ liệu gặp lỗi); hãy chạy lại khi hệ thống ổn định.';

/**
 * Verifying the event log (system admins; the resolver checks 'audit.verify'): at once in the request
 * (`verify`), or as a background run of `verifyAuditChain` polled for progress (`start`, `get`). Both
 * use the checkpoint key, so a log rewritten with every hash recomputed is still caught.
 *
 * A background run is a row (`audit_verification_job`), so any instance answers its poll. The instance
 * running it holds the advisory lock RUN_LOCK on a connection of its own until the row is final: one
 * run at a time in the whole deployment (starting while one runs returns that run), and a RUNNING row
 * whose lock nobody holds was left by an instance that died — it is reported FAILED, not RUNNING forever.
 */
export class AuditService {
  private running: Promise<void> | null = null;

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

  /** Starts a verification unless one runs on any instance; returns the running job either way. */
  async start(em: EntityManager, startedByUserId: string): Promise<AuditVerificationJob> {
    const lock = new Client({ connectionString: this.orm.config.get('clientUrl') });
    await lock.connect();
    let id: string;
    try {
      const elsewhere = await this.lockOrRunningJob(em, lock);
      if (elsewhere) {
        await lock.end();
        return elsewhere;
      }
      // The lock is ours, so no instance is running one: RUNNING rows are orphans of a dead instance.
      id = randomUUID();
      await lock.query(
        `with orphans as (update audit_verification_job set state = 'FAILED', failure = $3, finished_at = now() where state = 'RUNNING')
         insert into audit_verification_job (id, started_by_id, started_at) values ($1, $2, now())`,
        [id, startedByUserId, ORPHANED],
      );
    } catch (err) {
      await lock.end().catch(() => undefined);
      throw err;
    }
    this.running = this.run(id, lock).finally(() => {
      this.running = null;
    });
    return em.findOneOrFail(AuditVerificationJob, id, { refresh: true });
  }

  /**
   * Takes RUN_LOCK on `lock` and returns null, or returns the run of the instance that holds it. The
   * holder may be a moment from inserting its row or from releasing the lock after its verdict, so
   * this retries for OTHER_START_WAIT_MS before answering CONFLICT.
   */
  private async lockOrRunningJob(em: EntityManager, lock: Client): Promise<AuditVerificationJob | null> {
    const until = Date.now() + OTHER_START_WAIT_MS;
    for (;;) {
      const { rows } = await lock.query<{ got: boolean }>('select pg_try_advisory_lock(hashtext($1)) as got', [RUN_LOCK]);
      if (rows[0].got) return null;
      const running = await em.findOne(
        AuditVerificationJob,
        { state: AuditVerificationState.RUNNING },
        { orderBy: { startedAt: 'desc' }, refresh: true },
      );
      if (running) return running;
      if (Date.now() > until) {
        throw conflict('Một lượt kiểm tra nhật ký vừa bắt đầu hoặc vừa kết thúc trên máy chủ khác; hãy thử lại sau giây lát.');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The job with this id, or null; a RUNNING job whose instance died is marked FAILED first. */
  async get(em: EntityManager, id: string): Promise<AuditVerificationJob | null> {
    // Autocommitted, so the transaction lock is taken and released by this one statement: it is free
    // only when no instance holds RUN_LOCK (its session lock), i.e. nobody runs this job any more.
    await em.getConnection().execute(
      `update audit_verification_job set state = 'FAILED', failure = ?, finished_at = now()
          where id = ? and state = 'RUNNING' and pg_try_advisory_xact_lock(hashtext(?))`,
      [ORPHANED, id, RUN_LOCK],
    );
    return em.findOne(AuditVerificationJob, id, { refresh: true });
  }

  /** Waits for this instance's run, if any (shutdown). */
  async drain(): Promise<void> {
    await this.running;
  }

  /** Reads the whole log, writing progress and the verdict through `lock` (its connection holds RUN_LOCK). */
  private async run(id: string, lock: Client): Promise<void> {
    let latest: AuditProgress = { eventsChecked: 0, eventsTotal: 0, streamsChecked: 0 };
    let lastWrite = 0;
    // pg runs a client's queries in order, so progress writes never overtake each other or the verdict.
    const writeProgress = (p: AuditProgress) =>
      lock
        .query('update audit_verification_job set events_checked = $2, events_total = $3, streams_checked = $4 where id = $1', [
          id,
          p.eventsChecked,
          p.eventsTotal,
          p.streamsChecked,
        ])
        .catch((err: unknown) => this.logger.warn({ err }, 'audit verification progress not written'));
    try {
      const report = await verifyAuditChain(this.orm.em.fork(), {
        checkpointKey: this.checkpointKey,
        batchSize: this.batchSize,
        onProgress: (p) => {
          latest = p;
          if (Date.now() - lastWrite < PROGRESS_WRITE_MS) return;
          lastWrite = Date.now();
          void writeProgress(p);
        },
      });
      await lock.query(
        `update audit_verification_job set state = 'DONE', report = $2, events_checked = $3, events_total = $4,
                streams_checked = $5, finished_at = now() where id = $1`,
        [id, JSON.stringify(report), latest.eventsChecked, latest.eventsTotal, latest.streamsChecked],
      );
      if (!report.ok) this.logger.warn({ problems: report.problems.slice(0, 5) }, 'audit verification found problems');
    } catch (err) {
      this.logger.error({ err }, 'audit verification failed');
      await lock
        .query(`update audit_verification_job set state = 'FAILED', failure = $2, finished_at = now() where id = $1`, [id, UNREADABLE])
        .catch(() => undefined); // the row stays RUNNING; `get` reports it FAILED once this session is gone
    } finally {
      await lock.end().catch(() => undefined); // ending the session releases RUN_LOCK
    }
  }
}
