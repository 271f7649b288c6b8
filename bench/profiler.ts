/**
 * CPU profiles of the bench's server instances, one per measured figure (`BENCH_PROFILE=DIR npm run bench`).
 *
 * Each instance is started with `--inspect=127.0.0.1:<port>`; around a figure's load the driver starts V8's sampling
 * profiler in every instance over the inspector protocol (the Chrome DevTools Protocol on a WebSocket) and stops it
 * afterwards, so a profile holds exactly that figure's requests. The profiles are written as `.cpuprofile` files
 * (open them in Chrome DevTools or speedscope) and summarised in `summary.md`: self time by where the code comes
 * from (MikroORM, knex, pg, graphql-js, …, garbage collection, the app's own modules) and the heaviest functions.
 *
 * Why the inspector rather than `node --cpu-prof`: `--cpu-prof` profiles the whole process life (seeding, start-up,
 * every figure together) and is written only on a clean exit; one profile per figure is what says what limits it.
 * The profiler costs a few per cent of CPU, so a profiled run's figures are not the report's figures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InspectorSession } from './inspector';

/** The parts of V8's profile (`Profiler.stop`) the summary reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const NATIVE = 'V8 built-ins and native code';
const SOCKET_IO = 'socket writes (libuv/syscalls)';
const ASYNC_HOOKS = 'async context tracking (async_hooks)';
/** Native functions that write to a socket (the stream's handle). */
const SOCKET_WRITES = new Set(['writeBuffer', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString', 'writeUcs2String', 'writev']);

/** Where a sampled function comes from, for the summary's categories. */
export function categoryOf(callFrame: { functionName: string; url: string }): string {
  const { functionName, url } = callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8 (program: compiler, runtime)';
  if (!url) return SOCKET_WRITES.has(functionName) ? SOCKET_IO : NATIVE;
  if (url.includes('async_hooks')) return ASYNC_HOOKS;
  if (url.startsWith('node:')) return 'Node.js core (streams, net, http, timers)';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) {
    if (pkg.startsWith('@mikro-orm/')) return 'MikroORM';
    if (pkg === 'knex') return 'knex (query building)';
    if (/^(pg|pg-protocol|pg-types|pg-pool|pg-connection-string|postgres-.*)$/.test(pkg)) return 'pg driver';
    if (pkg === 'graphql') return 'graphql-js (parse, validate, execute)';
    if (pkg === 'type-graphql' || pkg === 'reflect-metadata') return 'type-graphql';
    if (pkg.startsWith('@apollo/')) return 'Apollo Server';
    if (pkg === 'graphql-ws' || pkg === 'ws') return 'graphql-ws / ws';
    if (pkg === 'ioredis' || pkg.startsWith('@ioredis/') || pkg === 'redis-parser') return 'ioredis';
    if (pkg.startsWith('pino') || pkg === 'sonic-boom' || pkg === 'thread-stream') return 'pino (logging)';
    if (/^(express|body-parser|router|raw-body|iconv-lite|cookie.*|send|serve-static|finalhandler|on-finished)$/.test(pkg))
      return 'Express / HTTP';
    return `package ${pkg}`;
  }
  const app = /\/dist\/server\/src\/(modules\/[^/]+|[^/]+)/.exec(url)?.[1];
  if (app) return `app: ${app.replace(/\.js$/, '')}`;
  return 'other';
}

/** The overview's coarse groups of categories (what a figure's CPU goes to, in a handful of columns). */
export const GROUPS = ['ORM', 'pg driver', 'GraphQL', 'GC', 'socket writes', 'async hooks', 'Node and V8', 'app', 'live', 'other'] as const;
export type Group = (typeof GROUPS)[number];

/** The overview group of a category (see `categoryOf`). */
export function groupOf(category: string): Group {
  if (['MikroORM', 'knex (query building)', 'package tarn'].includes(category)) return 'ORM';
  if (category === 'pg driver') return 'pg driver';
  if (
    category.startsWith('graphql-js') ||
    ['type-graphql', 'Apollo Server', 'package class-validator', 'package graphql-query-complexity', 'package graphql-scalars'].includes(
      category,
    )
  )
    return 'GraphQL';
  if (category === 'garbage collection') return 'GC';
  if (category === SOCKET_IO) return 'socket writes';
  if (category === ASYNC_HOOKS) return 'async hooks';
  if (category.startsWith('Node.js core') || category.startsWith('V8 ')) return 'Node and V8';
  if (category.startsWith('app: ')) return 'app';
  if (category === 'graphql-ws / ws' || category === 'ioredis') return 'live';
  return 'other';
}

export interface ProfileSummary {
  /** Sampled time that was not idle, ms. */
  busyMs: number;
  /** Self time by category, heaviest first (idle left out; native frames count for their calling script). */
  categories: Array<{ name: string; ms: number; share: number }>;
  /** The heaviest functions by self time. */
  functions: Array<{ name: string; where: string; ms: number; share: number }>;
}

/** Self time by category and by function, summed over several profiles (one per instance). */
export function summarizeProfiles(profiles: CpuProfile[], topFunctions = 15): ProfileSummary {
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  let busy = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map<number, number>();
    for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
    /** A native frame (no script: JSON, promises, array built-ins, buffer writes) counts for the nearest script that called it. */
    const categoryAt = (id: number): string => {
      const own = categoryOf(nodes.get(id)!.callFrame);
      if (own !== NATIVE) return own;
      for (let up = parents.get(id); up !== undefined; up = parents.get(up)) {
        const frame = nodes.get(up)!.callFrame;
        if (frame.url) return categoryOf(frame);
      }
      return NATIVE;
    };
    const selfUs = new Map<number, number>();
    // timeDeltas[i] is the time between samples i-1 and i, so sample i's node ran for delta i+1; the last
    // sample has no delta after it and counts nothing (one sample of thousands).
    for (let i = 0; i < profile.samples.length; i++) {
      const us = profile.timeDeltas[i + 1] ?? 0;
      selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, us));
    }
    for (const [id, us] of selfUs) {
      const frame = nodes.get(id)?.callFrame;
      if (!frame || frame.functionName === '(root)') continue;
      const category = categoryAt(id);
      if (category === 'idle') continue;
      const ms = us / 1000;
      busy += ms;
      byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
      const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}` : '';
      const key = `${frame.functionName}@${where}`;
      const entry = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', where, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
    }
  }
  const share = (ms: number) => (busy > 0 ? ms / busy : 0);
  return {
    busyMs: busy,
    categories: [...byCategory].map(([name, ms]) => ({ name, ms, share: share(ms) })).sort((a, b) => b.ms - a.ms),
    functions: [...byFunction.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, topFunctions)
      .map((f) => ({ ...f, share: share(f.ms) })),
  };
}

const TOP_CATEGORIES = 14;

/** Markdown for one figure's summary. */
export function renderProfileSummary(label: string, requests: number | null, summary: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const perRequest = requests ? ` = ${(summary.busyMs / requests).toFixed(2)} ms per request (${requests} requests)` : '';
  const rest = summary.categories.slice(TOP_CATEGORIES);
  const restMs = rest.reduce((sum, c) => sum + c.ms, 0);
  const lines = [
    `### ${label}`,
    '',
    `Sampled CPU of the instances: ${summary.busyMs.toFixed(0)} ms${perRequest}.`,
    '',
    '| self time in | ms | share |',
    '|:--|--:|--:|',
    ...summary.categories.slice(0, TOP_CATEGORIES).map((c) => `| ${c.name} | ${c.ms.toFixed(0)} | ${pct(c.share)} |`),
    ...(rest.length ? [`| ${rest.length} more (each smaller) | ${restMs.toFixed(0)} | ${pct(restMs / summary.busyMs)} |`] : []),
    '',
    '| heaviest functions (self) | where | share |',
    '|:--|:--|--:|',
    ...summary.functions.map((f) => `| \`${f.name}\` | ${f.where || '—'} | ${pct(f.share)} |`),
    '',
  ];
  return lines.join('\n');
}

/** A profiled figure, as `figures.json` lists it (to render the summary again from the files). */
export interface ProfiledFigure {
  key: string;
  label: string;
  requests: number | null;
  instances: string[];
}

/** The overview table: per figure, sampled CPU per request and its share per group. */
export function renderOverview(rows: Array<{ figure: ProfiledFigure; summary: ProfileSummary }>): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const lines = [`| figure | CPU ms/req (sampled) | ${GROUPS.join(' | ')} |`, `|:--|--:|${GROUPS.map(() => '--:').join('|')}|`];
  for (const { figure, summary } of rows) {
    const byGroup = new Map<Group, number>();
    for (const c of summary.categories) byGroup.set(groupOf(c.name), (byGroup.get(groupOf(c.name)) ?? 0) + c.share);
    const perRequest = figure.requests ? (summary.busyMs / figure.requests).toFixed(1) : '—';
    lines.push(`| ${figure.label} | ${perRequest} | ${GROUPS.map((g) => pct(byGroup.get(g) ?? 0)).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Renders `summary.md` in `dir` from `figures.json` and the `.cpuprofile` files; returns its path. */
export function writeSummary(dir: string, header: string): string {
  const figures = JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8')) as ProfiledFigure[];
  const rows = figures.map((figure) => ({
    figure,
    summary: summarizeProfiles(
      figure.instances.map((name) => JSON.parse(readFileSync(join(dir, `${figure.key}.${name}.cpuprofile`), 'utf8')) as CpuProfile),
    ),
  }));
  const path = join(dir, 'summary.md');
  writeFileSync(
    path,
    [
      header,
      '',
      '## Overview (self time by group; groups: bench/profiler.ts `groupOf`)',
      '',
      renderOverview(rows),
      '',
      ...rows.map((r) => renderProfileSummary(r.figure.label, r.figure.requests, r.summary)),
    ].join('\n'),
  );
  return path;
}

/** Profiles every instance around each measured figure (`BENCH_PROFILE=DIR`). */
export class FigureProfiler {
  private readonly figures: ProfiledFigure[] = [];

  private constructor(
    private readonly dir: string,
    private readonly sessions: Array<{ name: string; session: InspectorSession }>,
  ) {}

  /** The folder from `BENCH_PROFILE`, or null (no profiling). */
  static requestedDir(): string | null {
    return process.env.BENCH_PROFILE || null;
  }

  static async attach(dir: string, instances: Array<{ name: string; inspectPort: number }>): Promise<FigureProfiler> {
    mkdirSync(dir, { recursive: true });
    const sessions = [];
    for (const instance of instances) {
      const session = await InspectorSession.connect(instance.inspectPort);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 1000 });
      sessions.push({ name: instance.name, session });
    }
    return new FigureProfiler(dir, sessions);
  }

  /** Runs `work` with every instance's profiler on and writes `<key>.<instance>.cpuprofile`. */
  async around<T>(key: string, label: string, work: () => Promise<T>, requestsOf: (result: T) => number | null): Promise<T> {
    await Promise.all(this.sessions.map((s) => s.session.send('Profiler.start')));
    let result: T;
    try {
      result = await work();
    } finally {
      await Promise.all(
        this.sessions.map(async (s) => {
          const { profile } = await s.session.send<{ profile: CpuProfile }>('Profiler.stop');
          writeFileSync(join(this.dir, `${key}.${s.name}.cpuprofile`), JSON.stringify(profile));
        }),
      );
    }
    this.figures.push({ key, label, requests: requestsOf(result), instances: this.sessions.map((s) => s.name) });
    return result;
  }

  /** Writes `figures.json` and `summary.md` (every figure, in run order), closes the sessions; returns the summary's path. */
  finish(header: string): string {
    for (const s of this.sessions) s.session.close();
    writeFileSync(join(this.dir, 'figures.json'), `${JSON.stringify(this.figures, null, 2)}\n`);
    return writeSummary(this.dir, header);
  }
}

// `node dist/bench/profiler.js DIR`: renders DIR/summary.md again from the files of a profiled run.
if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node dist/bench/profiler.js DIR (a folder written by BENCH_PROFILE=DIR npm run bench)');
  console.log(`wrote ${writeSummary(dir, `# CPU profiles (${dir})`)}`);
}
