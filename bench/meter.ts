import type { Client } from 'pg';
import { cpuMsOf, cpuMsOfTree, selfCpuMs, treeDelta } from './procstat';
import type { Stack } from './stack';
import { now } from './stats';

/**
 * What one phase of the bench cost, process by process: CPU of each server instance, of PostgreSQL
 * (postmaster + backends), of Redis and of the driver, and the SQL statements PostgreSQL executed
 * (pg_stat_statements, every statement of every connection, background work included) and the ones
 * the instances counted inside GraphQL requests (/metrics `phoihop_graphql_operation_sql_statements`).
 */
export interface PhaseCost {
  wallMs: number;
  cpuMs: { instances: number[]; postgres: number; redis: number; driver: number };
  /** Statements PostgreSQL executed during the phase (null without pg_stat_statements). */
  pgStatements: number | null;
  /** Statements counted by the instances inside GraphQL requests, and the number of requests they counted. */
  requestStatements: { sum: number; count: number };
}

interface Snapshot {
  t: number;
  instances: number[];
  postgres: Map<number, number>;
  redis: number;
  driver: number;
  pgStatements: number | null;
  requestStatements: { sum: number; count: number };
}

/** Sum and count of `phoihop_graphql_operation_sql_statements` over all operations, from /metrics text. */
export function parseStatementMetric(text: string): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const line of text.split('\n')) {
    const m = /^phoihop_graphql_operation_sql_statements_(sum|count)(?:\{[^}]*\})? ([0-9.eE+-]+)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'sum') sum += Number(m[2]);
    else count += Number(m[2]);
  }
  return { sum, count };
}

export class Meter {
  constructor(
    private readonly stack: Stack,
    /** A dedicated connection for reading pg_stat_statements (its own reads are excluded). */
    private readonly pg: Client,
  ) {}

  private async statements(): Promise<number | null> {
    if (!this.stack.db.statStatements) return null;
    const { rows } = await this.pg.query(
      `select coalesce(sum(calls), 0)::bigint as calls from pg_stat_statements where query not ilike '%pg_stat_statements%'`,
    );
    return Number(rows[0].calls);
  }

  private async requestStatements(): Promise<{ sum: number; count: number }> {
    const parts = await Promise.all(
      this.stack.instances.map(async (i) => {
        const res = await fetch(`${i.url}/metrics`, { headers: { authorization: `Bearer ${this.stack.metricsToken}` } });
        return parseStatementMetric(await res.text());
      }),
    );
    return parts.reduce((a, b) => ({ sum: a.sum + b.sum, count: a.count + b.count }), { sum: 0, count: 0 });
  }

  private async snapshot(): Promise<Snapshot> {
    const [pgStatements, requestStatements] = await Promise.all([this.statements(), this.requestStatements()]);
    return {
      t: now(),
      instances: this.stack.instances.map((i) => cpuMsOf(i.pid)),
      postgres: cpuMsOfTree(this.stack.db.postmasterPid),
      redis: cpuMsOf(this.stack.redisPid),
      driver: selfCpuMs(),
      pgStatements,
      requestStatements,
    };
  }

  /** Runs `work` and returns its result with what it cost. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; cost: PhaseCost }> {
    const before = await this.snapshot();
    const result = await work();
    const after = await this.snapshot();
    return {
      result,
      cost: {
        wallMs: after.t - before.t,
        cpuMs: {
          instances: after.instances.map((v, i) => v - before.instances[i]),
          postgres: treeDelta(before.postgres, after.postgres),
          redis: after.redis - before.redis,
          driver: after.driver - before.driver,
        },
        pgStatements: after.pgStatements === null || before.pgStatements === null ? null : after.pgStatements - before.pgStatements,
        requestStatements: {
          sum: after.requestStatements.sum - before.requestStatements.sum,
          count: after.requestStatements.count - before.requestStatements.count,
        },
      },
    };
  }
}
