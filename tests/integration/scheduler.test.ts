import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger';
import { Scheduler } from '../../server/src/scheduler/scheduler';
import { createTestDatabase, eventually } from '../support/harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A logger whose JSON lines are kept for the assertions. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('debug', {}, { pretty: false, destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
  return { logger, lines };
}

describe('scheduler (real timers, short intervals)', () => {
  const started: Scheduler[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });
  const make = (options: ConstructorParameters<typeof Scheduler>[0]) => {
    const s = new Scheduler(options);
    started.push(s);
    return s;
  };

  it('never overlaps runs of the same job, even when a run outlasts the interval', async () => {
    const { logger } = capturingLogger();
    const scheduler = make({ logger });
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    scheduler.register({
      name: 'slow',
      intervalMs: 10,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(60);
        active--;
        runs++;
      },
    });
    scheduler.start();
    await eventually(() => runs >= 3 || undefined, 'three runs of the slow job');
    expect(maxActive).toBe(1);
    // A manual run while one is in progress waits for it instead of starting a second one.
    expect(await Promise.all([scheduler.runNow('slow'), scheduler.runNow('slow')])).toContain(false);
    expect(maxActive).toBe(1);
  });

  it('stop() waits for a running job and no run starts afterwards', async () => {
    const { logger } = capturingLogger();
    const scheduler = make({ logger });
    let finished = 0;
    let startedRuns = 0;
    scheduler.register({
      name: 'long',
      intervalMs: 5,
      run: async () => {
        startedRuns++;
        await sleep(150);
        finished++;
      },
    });
    scheduler.start();
    await eventually(() => startedRuns >= 1 || undefined, 'the first run started');
    await scheduler.stop();
    expect(finished).toBe(startedRuns); // the run in progress was awaited
    const after = startedRuns;
    await sleep(60);
    expect(startedRuns).toBe(after);
  });

  it('an error is logged with the job name and the schedule goes on', async () => {
    const { logger, lines } = capturingLogger();
    const scheduler = make({ logger });
    let attempts = 0;
    let other = 0;
    scheduler.register({
      name: 'flaky',
      intervalMs: 15,
      run: async () => {
        attempts++;
        if (attempts <= 2) throw new Error(`boom ${attempts}`);
      },
    });
    scheduler.register({ name: 'other', intervalMs: 15, run: async () => void other++ });
    scheduler.start();
    await eventually(() => attempts >= 4 || undefined, 'the flaky job runs again after failing');
    const failures = lines.filter((l) => l.job === 'flaky' && l.level === 50);
    expect(failures.length).toBe(2);
    expect(String(failures[0].msg)).toContain('"flaky" failed');
    expect(other).toBeGreaterThan(0);
  });

  it('rejects a second job with the same name, and a single-runner job without a database', () => {
    const { logger } = capturingLogger();
    const scheduler = make({ logger });
    scheduler.register({ name: 'a', intervalMs: 1000, run: async () => {} });
    expect(() => scheduler.register({ name: 'a', intervalMs: 1000, run: async () => {} })).toThrow(/already registered/);
    expect(() => scheduler.register({ name: 'b', intervalMs: 1000, singleRunner: true, run: async () => {} })).toThrow(/databaseUrl/);
  });

  it('a single-runner job runs on one instance at a time (PostgreSQL advisory lock)', async () => {
    const databaseUrl = await createTestDatabase();
    const { logger, lines } = capturingLogger();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const job = {
      name: 'exclusive',
      intervalMs: 20,
      singleRunner: true,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(80);
        active--;
        runs++;
      },
    };
    // Two "instances": separate schedulers sharing one database.
    const a = make({ logger, databaseUrl });
    const b = make({ logger, databaseUrl });
    a.register(job);
    b.register(job);
    a.start();
    b.start();
    await eventually(() => runs >= 4 || undefined, 'four runs across the two instances');
    expect(maxActive).toBe(1);
    expect(lines.some((l) => l.job === 'exclusive' && String(l.msg).includes('another instance'))).toBe(true);
    // A lock left by a run is released when its run ends: the job still runs on a later tick.
    await a.stop();
    const before = runs;
    await eventually(() => runs > before || undefined, 'instance b runs alone after a stops');
  });
});
