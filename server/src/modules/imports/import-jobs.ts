import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { AppError, badInput, notFound } from '../../errors';
import type { Logger } from '../../logger';
import { canReadImportJob } from '../../policy/abilities';
import { User } from '../users/user.entity';
import { ImportJob, ImportJobState } from './import-job.entity';
import {
  IMPORT_KINDS,
  importBusy,
  type ImportKind,
  importLockKey,
  type ImportReport,
  type ImportService,
  type RowError,
} from './import.service';

/** Row errors returned with a refused upload (the whole list is in the dry-run report). */
export const MAX_RETURNED_ROW_ERRORS = 500;

/**
 * What a swept job says (Vietnamese, for the uploader): the instance running it stopped, its
 * transaction was rolled back, nothing of the file was written, and uploading it again is safe.
 */
export const STALE_JOB_FAILURE =
  'Lần nhập bị gián đoạn do máy chủ xử lý dừng đột ngột; giao dịch đã được hủy nên không có dòng nào được ghi. ' +
  'Hãy tải tệp lên lại: các dòng đã có sẽ được giữ nguyên, không bị ghi trùng.';

/** Names the advisory lock an import job's transaction holds while it runs (its liveness, for `sweepStale`). */
const JOB_LOCK_PREFIX = 'phoihop:import-job:';
const jobLockKey = (jobId: string) => `${JOB_LOCK_PREFIX}${jobId}`;

/** A refused file: its row errors (first MAX_RETURNED_ROW_ERRORS) and counts, in `extensions`. */
function refusal(report: ImportReport): AppError {
  const missing = report.errors.some((e) => e.code === 'MISSING_COLUMN');
  return badInput(
    missing
      ? 'Tệp thiếu cột bắt buộc ở dòng tiêu đề; không có dòng nào được nhập.'
      : `Tệp có ${report.errors.length} lỗi ở ${new Set(report.errors.map((e) => e.row)).size} dòng; không có dòng nào được nhập. ` +
          'Hãy sửa tệp, hoặc chọn "bỏ qua các dòng lỗi" để chỉ nhập các dòng hợp lệ.',
    {
      field: 'file',
      rows: report.rows,
      errorCount: report.errors.length,
      rowErrors: report.errors.slice(0, MAX_RETURNED_ROW_ERRORS),
    },
  );
}

/**
 * Imports started through the API, run in the background with progress. The upload is validated as
 * a whole first (the same dry run as `--dry-run`): a file with errors is refused with its row errors
 * and nothing is written, unless the user asked to skip the bad rows. Then a job row is committed and
 * the import runs on this instance (ImportService.run: one transaction, all-or-nothing), writing its
 * progress to the job row on a separate connection so any instance can answer `importJob(id)`.
 */
export class ImportJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly imports: ImportService,
    private readonly logger: Logger,
    /** IMPORT_MAX_BYTES. */
    readonly maxBytes: number,
  ) {}

  /** Checks kind and size; BAD_USER_INPUT / PAYLOAD_TOO_LARGE with a message an official can act on. */
  private check(kind: string, csvText: string): asserts kind is ImportKind {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw badInput(`Loại dữ liệu "${kind}" không hợp lệ: dùng areas, agencies, users hoặc cases.`, { field: 'kind' });
    if (Buffer.byteLength(csvText, 'utf8') > this.maxBytes) throw tooLarge(this.maxBytes);
    if (!csvText.trim()) throw badInput('Tệp trống: hãy chọn tệp CSV có dòng tiêu đề và ít nhất một dòng dữ liệu.', { field: 'file' });
  }

  /** The dry run: what the file would do, with every row error; writes nothing. */
  async preview(em: EntityManager, viewer: Viewer, kind: string, csvText: string, skipBadRows: boolean): Promise<ImportReport> {
    this.check(kind, csvText);
    return this.imports.run(em, viewer, kind, csvText, { dryRun: true, skipBadRows });
  }

  /**
   * Validates the whole file and, when it may be imported, starts the job and returns it (RUNNING).
   * Refused (nothing written, no job): FORBIDDEN when the viewer may not import `kind`, BAD_USER_INPUT
   * with `rowErrors` when the file has errors and `skipBadRows` is false (or a required column is missing).
   */
  async start(em: EntityManager, viewer: Viewer, kind: string, csvText: string, skipBadRows: boolean): Promise<ImportJob> {
    const dry = await this.preview(em, viewer, kind, csvText, skipBadRows);
    if (dry.errors.some((e) => e.code === 'MISSING_COLUMN') || (dry.errors.length && !skipBadRows)) throw refusal(dry);
    // An import holding the same lock is running now: say so at once (409) rather than start a job
    // that can only fail. Taken and released in one statement; the import's own try-lock decides races.
    const [{ free }] = await em
      .getConnection()
      .execute<{ free: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as free', [importLockKey(kind as ImportKind, viewer)]);
    if (!free) throw importBusy(kind as ImportKind);
    const jobEm = this.orm.em.fork();
    const job = jobEm.create(ImportJob, {
      kind,
      actor: jobEm.getReference(User, viewer.userId),
      skipBadRows,
      rows: dry.rows,
      total: dry.created,
      unchanged: dry.unchanged,
      skipped: dry.skipped,
      errors: dry.errors,
    });
    await jobEm.flush();
    const run = this.execute(job.id, viewer, kind as ImportKind, csvText, skipBadRows).finally(() => this.running.delete(run));
    this.running.add(run);
    return job;
  }

  /**
   * Runs the import and records progress and outcome on the job row. Never throws. DONE is written
   * inside the import's transaction, so a committed import is never left RUNNING; the transaction
   * also holds the job's liveness lock (`jobLockKey`) until it ends, which is how `sweepStale` tells
   * a job that is still writing from one whose instance died.
   */
  private async execute(jobId: string, viewer: Viewer, kind: ImportKind, csvText: string, skipBadRows: boolean): Promise<void> {
    const conn = this.orm.em.fork().getConnection();
    let lastWritten = 0;
    let progress: Promise<unknown> = Promise.resolve();
    const onProgress = (done: number, total: number) => {
      // At most ~50 progress writes per file: a per-row UPDATE would double a directory import's statements.
      if (done < total && done - lastWritten < Math.max(1, Math.ceil(total / 50))) return;
      lastWritten = done;
      progress = progress
        .then(() => conn.execute('update import_job set processed = ? where id = ? and state = ?', [done, jobId, ImportJobState.RUNNING]))
        .catch((err) => this.logger.warn({ err, jobId }, 'import progress not recorded'));
    };
    try {
      const report = await this.imports.run(this.orm.em.fork(), viewer, kind, csvText, {
        skipBadRows,
        onProgress,
        begin: async (em) => {
          await em.execute('select pg_advisory_xact_lock(hashtext(?))', [jobLockKey(jobId)]);
        },
        beforeCommit: async (em, done) => {
          await progress;
          const updated = await em.execute<{ id: string }[]>(
            `update import_job set state = ?, processed = ?, total = ?, created = ?, unchanged = ?, skipped = ?, errors = ?::jsonb, finished_at = now()
              where id = ? and state = ? returning id`,
            [
              ImportJobState.DONE,
              done.created,
              done.created,
              done.created,
              done.unchanged,
              done.skipped,
              JSON.stringify(done.errors),
              jobId,
              ImportJobState.RUNNING,
            ],
          );
          // Swept as dead meanwhile (it said "nothing was written"): roll back so that stays true.
          if (!updated.length) throw new Error(`import job ${jobId} is no longer RUNNING; rolled back`);
        },
      });
      if (!report.applied) throw refusal(report); // the data changed since the dry run and the file no longer passes
    } catch (err) {
      await progress;
      const failure =
        err instanceof AppError
          ? err.message
          : 'Nhập tệp không thành công do lỗi hệ thống; không có dòng nào được ghi. Vui lòng thử lại hoặc báo quản trị viên.';
      const errors = err instanceof AppError && Array.isArray(err.details.rowErrors) ? (err.details.rowErrors as RowError[]) : null;
      if (!(err instanceof AppError)) this.logger.error({ err, jobId, kind }, 'import job failed');
      await conn
        .execute(
          `update import_job set state = ?, processed = 0, failure = ?, errors = coalesce(?::jsonb, errors), finished_at = now()
            where id = ? and state = ?`,
          [ImportJobState.FAILED, failure, errors ? JSON.stringify(errors) : null, jobId, ImportJobState.RUNNING],
        )
        .catch((e) => this.logger.error({ err: e, jobId }, 'import job outcome not recorded'));
    }
  }

  /**
   * Marks FAILED the jobs left RUNNING by an instance that died (crash, kill, lost connection): their
   * transaction was rolled back with its connection, so nothing of their file was written. A job counts
   * as dead when it started more than `olderThanMs` ago AND its liveness lock is free — a job still
   * writing holds that lock, on whichever instance, however long it runs. Returns the ids marked.
   */
  async sweepStale(em: EntityManager, olderThanMs: number): Promise<string[]> {
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `update import_job j set state = ?, processed = 0, failure = ?, finished_at = now()
        where j.id in (select s.id from import_job s
                        where s.state = ? and s.started_at < now() - make_interval(secs => ?)
                          and pg_try_advisory_xact_lock(hashtext(? || s.id::text)))
          and j.state = ?
        returning j.id`,
      [ImportJobState.FAILED, STALE_JOB_FAILURE, ImportJobState.RUNNING, olderThanMs / 1000, JOB_LOCK_PREFIX, ImportJobState.RUNNING],
    );
    return rows.map((r) => r.id);
  }

  /** The job, for its uploader or a system administrator; NOT_FOUND otherwise (no hint that it exists). */
  async get(em: EntityManager, viewer: Viewer, id: string): Promise<ImportJob> {
    const job = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(ImportJob, { id }, { refresh: true }) : null;
    if (!job || !canReadImportJob(viewer, { actorId: job.actor.id })) throw notFound('lần nhập tệp');
    return job;
  }

  /** Waits for the imports running on this instance (shutdown: their transactions commit or roll back first). */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}

/** PAYLOAD_TOO_LARGE for a file over IMPORT_MAX_BYTES, with the limit in a readable form. */
export function tooLarge(maxBytes: number): AppError {
  const mb = (maxBytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return new AppError('PAYLOAD_TOO_LARGE', `Tệp lớn hơn giới hạn ${mb} MB; hãy chia thành nhiều tệp nhỏ hơn.`, {
    field: 'file',
    maxBytes,
  });
}
