import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory of processes from Linux /proc: what each process of the deployment (the
 * instances, PostgreSQL's postmaster and backends, Redis, the driver) spent during a phase.
 */
let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // getconf missing: Linux's usual 100 Hz
}

/** Parses /proc/<pid>/stat: the command name may contain spaces and parentheses, so split after the last ')'. */
export function parseStat(text: string): { ppid: number; cpuMs: number } {
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  const ppid = Number(rest[1]);
  const ticks = Number(rest[11]) + Number(rest[12]);
  return { ppid, cpuMs: (ticks * 1000) / ticksPerSecond };
}

/** User + system CPU milliseconds a process has used so far (0 when it is gone). */
export function cpuMsOf(pid: number): number {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).cpuMs;
  } catch {
    return 0;
  }
}

/** CPU ms of the process itself and of every direct child (PostgreSQL: the postmaster, its backends and workers), by pid. */
export function cpuMsOfTree(rootPid: number): Map<number, number> {
  const byPid = new Map<number, number>([[rootPid, cpuMsOf(rootPid)]]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat.ppid === rootPid) byPid.set(Number(name), stat.cpuMs);
    } catch {
      // exited meanwhile
    }
  }
  return byPid;
}

/**
 * CPU spent between two `cpuMsOfTree` snapshots by the processes alive at the second: a process that
 * started meanwhile counts from 0; one that exited meanwhile is missing (its last ticks are lost, which
 * undercounts a little but never goes negative).
 */
export function treeDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += Math.max(0, ms - (before.get(pid) ?? 0));
  return total;
}

/** Resident set size in KiB (VmRSS), NaN when unknown. */
export function rssKiBOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The driver's own CPU (this process), in ms. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
