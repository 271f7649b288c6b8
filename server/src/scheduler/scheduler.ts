import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from '../logger';

/** What a job's run is handed. */
export interface JobContext {
  /**
   * A fresh EntityManager of the job pool (openJobOrm): its statement_timeout is the job budget
   * (DB_JOB_STATEMENT_TIMEOUT_MS), not the request budget. Jobs do their database work through it.
   */
  em: EntityManager;
}

/** One timed job: what runs, how often, and whether only one instance at a time may run it. */
export interface JobDefinition {
  /** Unique per scheduler; appears in every log line about the job (and names its advisory lock). */
  name: string;
  /** Time between the start of one run and the start of the next (a slow run delays the next one). */
  intervalMs: number;
  /** Delay before the first run after `start()`; defaults to `intervalMs`. */
  firstRunAfterMs?: number;
  /**
   * Only one instance runs this job at a time: each run first takes a PostgreSQL advisory lock named
   * after the job on a connection of its own; an instance that finds it taken skips that run.
   */
  singleRunner?: boolean;
  run: (ctx: JobContext) => Promise<void>;
}

interface JobState {
  job: JobDefinition;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
}

export interface SchedulerOptions {
  logger: Logger;
  /** The PostgreSQL connection string for `singleRunner` locks (required only if a job asks for one). */
  databaseUrl?: string;
  /** The job pool (openJobOrm) every run's `ctx.em` comes from; required only by jobs that read `ctx.em`. */
  orm?: MikroORM;
}

/**
 * THE place timed jobs run (escalations, retention, audit checkpoints…). Modules register their own
 * jobs and do their database work through `ctx.em` (the job pool, with the job statement budget); `build()` starts the scheduler and `close()` stops it. Guarantees: a job never overlaps
 * itself (the next run is scheduled when the previous one has finished), an error is logged with the
 * job's name and the schedule goes on, and `stop()` waits for runs in progress.
 */
export class Scheduler {
  private readonly jobs = new Map<string, JobState>();
  private started = false;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {}

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`a job named "${job.name}" is already registered`);
    if (!(job.intervalMs > 0)) throw new Error(`job "${job.name}": intervalMs must be positive`);
    if (job.singleRunner && !this.options.databaseUrl) throw new Error(`job "${job.name}" is single-runner but no databaseUrl was given`);
    const state: JobState = { job, timer: null, running: null };
    this.jobs.set(job.name, state);
    if (this.started && !this.stopped) this.schedule(state, job.firstRunAfterMs ?? job.intervalMs);
  }

  /** Names of the registered jobs (operations, tests). */
  names(): string[] {
    return [...this.jobs.keys()];
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const state of this.jobs.values()) this.schedule(state, state.job.firstRunAfterMs ?? state.job.intervalMs);
  }

  /** Cancels every pending run and waits for the ones in progress; no run starts afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.jobs.values()) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
    }
    await Promise.all([...this.jobs.values()].map((s) => s.running));
  }

  /**
   * Runs the job now unless a run is in progress (then waits for that one); the regular schedule is
   * kept. Returns whether this call started a run.
   */
  async runNow(name: string): Promise<boolean> {
    const state = this.jobs.get(name);
    if (!state) throw new Error(`no job named "${name}"`);
    if (state.running) {
      await state.running;
      return false;
    }
    await this.execute(state);
    return true;
  }

  private schedule(state: JobState, delayMs: number): void {
    if (this.stopped) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      const startedAt = Date.now();
      void this.execute(state).then(() => this.schedule(state, Math.max(0, state.job.intervalMs - (Date.now() - startedAt))));
    }, delayMs);
    state.timer.unref();
  }

  /** One run: never throws, never overlaps a run of the same job. */
  private execute(state: JobState): Promise<void> {
    if (state.running) return state.running;
    const { job } = state;
    const run = (job.singleRunner ? this.withLock(job) : job.run(this.context(job)))
      .catch((err) =>
        this.options.logger.error({ err, job: job.name }, `scheduled job "${job.name}" failed; it runs again at the next interval`),
      )
      .finally(() => {
        state.running = null;
      });
    state.running = run;
    return run;
  }

  /** The context of one run; `em` is forked lazily, so jobs without database work need no job pool. */
  private context(job: JobDefinition): JobContext {
    const orm = this.options.orm;
    let em: EntityManager | undefined;
    return {
      get em(): EntityManager {
        if (!orm) throw new Error(`job "${job.name}" uses ctx.em but the scheduler was given no job pool (orm)`);
        em ??= orm.em.fork() as EntityManager;
        return em;
      },
    };
  }

  private async withLock(job: JobDefinition): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [`phoihop:job:${job.name}`]);
      if (!rows[0]?.ok) {
        this.options.logger.debug({ job: job.name }, 'scheduled job skipped: another instance is running it');
        return;
      }
      await job.run(this.context(job));
    } finally {
      await client.end(); // ending the session releases the lock
    }
  }
}
