import { performance } from 'node:perf_hooks';

/** Milliseconds from an arbitrary origin, sub-millisecond resolution, monotonic. */
export const now = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Latency summary in milliseconds. */
export interface LatencySummary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    count: sorted.length,
    min: sorted.length ? sorted[0] : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** What one closed-loop run measured (see closedLoop). */
export interface LoopRun {
  completed: number;
  errors: number;
  /** The first failure's message, when any failed. */
  firstError?: string;
  /** True when the time cap ended the run before `target` requests. */
  capped: boolean;
  elapsedMs: number;
  /** Completed requests per second. */
  perSec: number;
  /** Per completed request: `once` called to it resolving. */
  latency: LatencySummary;
}

/**
 * `clients` closed loops (each sends its next request when its previous one answered) share a budget
 * of `target` requests, bounded by `capMs`. `once(client, n)` gets the client's index and the request's
 * number within that client (to pick the instance, the stream, the case); a request that throws counts
 * as an error, not as a latency. Every load the bench drives (HTTP, appends, raw commits) runs here.
 */
export async function closedLoop(
  opts: { clients: number; target: number; capMs: number },
  once: (client: number, n: number) => Promise<unknown>,
): Promise<LoopRun> {
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = now();
  const deadline = start + opts.capMs;
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, client) => {
      for (let n = 0; issued < opts.target && now() < deadline; n++) {
        issued++;
        const t0 = now();
        try {
          await once(client, n);
          latencies.push(now() - t0);
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      }
    }),
  );
  const elapsedMs = now() - start;
  return {
    completed: latencies.length,
    errors,
    firstError,
    capped: latencies.length + errors < opts.target,
    elapsedMs,
    perSec: (latencies.length / elapsedMs) * 1000,
    latency: summarize(latencies),
  };
}

/** Rounds for the JSON copy (keeps it readable; the bench is not precise beyond this anyway). */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function roundSummary(s: LatencySummary): LatencySummary {
  return {
    count: s.count,
    min: round(s.min),
    p50: round(s.p50),
    p95: round(s.p95),
    p99: round(s.p99),
    max: round(s.max),
    mean: round(s.mean),
  };
}

/** Formats a number for the table: fixed decimals, "—" for NaN. */
export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table: first column left-aligned, the rest right-aligned. Markdown-compatible. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (i === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
