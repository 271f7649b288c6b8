import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from '../config';
import { backupDatabase, BackupError, restoreDatabase, tableCounts } from '../db/backup';
import { EmbeddedDatabaseError, readPostmasterPid, startEmbeddedPostgres } from '../db/embedded-postgres';
import { openOrm } from '../db/orm';
import { checkpointKey } from '../events/checkpoints';
import { type AuditProgress, verifyAuditChain } from '../events/event-log';
import { resolveAuthSecret } from '../auth/secret';
import { createLogger } from '../logger';

/** One admin command: its bilingual help and what it does. Add new commands (import, first admin …) here. */
interface AdminCommand {
  usage: string;
  vi: string;
  en: string;
  run(args: string[], config: AppConfig): Promise<void>;
}

/** A problem with how the command was called: printed with the help, exit code 2. */
class UsageError extends Error {}

/**
 * The database the command works on: DATABASE_URL, or the embedded one in DATA_DIR — the running
 * server if the app is up (its port is in postmaster.pid), else started for the command and stopped after.
 */
async function withDatabase<T>(config: AppConfig, work: (url: string) => Promise<T>): Promise<T> {
  if (config.DATABASE_URL) return work(config.DATABASE_URL);
  const dataDir = resolve(config.DATA_DIR);
  const credentialsFile = join(dataDir, 'pg-credentials.json');
  if (!existsSync(credentialsFile))
    throw new EmbeddedDatabaseError(`No embedded database in ${dataDir}: set DATA_DIR to the app's data folder, or DATABASE_URL.`);
  const running = readPostmasterPid(join(dataDir, 'pg'));
  if (running && existsSync(join(dataDir, 'embedded-pg.owner'))) {
    const { user, password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { user: string; password: string };
    return work(`postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/phoihop`);
  }
  const db = await startEmbeddedPostgres({ dataDir, logger: createLogger('warn') });
  try {
    return await work(db.url);
  } finally {
    await db.stop();
  }
}

/**
 * The checkpoint key for the CLI: from AUTH_SECRET or the embedded default's secret file. Without it
 * (DATABASE_URL without AUTH_SECRET, e.g. a restore on another machine) the chain is still verified,
 * but not against the signed checkpoints — and the command says so.
 */
function cliCheckpointKey(config: AppConfig): Buffer | undefined {
  try {
    return checkpointKey(resolveAuthSecret(config));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.warn(
      'Không có AUTH_SECRET: không đối chiếu được các điểm kiểm tra có chữ ký / no AUTH_SECRET: the signed checkpoints are not checked.',
    );
    return undefined;
  }
}

/** One progress line, rewritten in place on a terminal (a line every 10 batches otherwise, e.g. in a log file). */
function progressPrinter(): (p: AuditProgress) => void {
  let calls = 0;
  return (p) => {
    const line = `  ${p.eventsChecked}/${p.eventsTotal} events, ${p.streamsChecked} streams`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else if (calls++ % 10 === 0) process.stderr.write(`${line}\n`);
  };
}

/** Verifies the audit chain of `url` and returns the counts of every table, printing both. */
async function verify(url: string, key: Buffer | undefined): Promise<{ ok: boolean; counts: Record<string, number> }> {
  const orm = await openOrm(url);
  try {
    const report = await verifyAuditChain(orm.em.fork(), { checkpointKey: key, onProgress: progressPrinter() });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const counts = await tableCounts(url);
    console.log(
      report.ok
        ? `Chuỗi nhật ký kiểm toán hợp lệ / audit chain intact: ${report.eventsChecked} events in ${report.streamsChecked} streams, ${report.checkpointsChecked} signed heads.`
        : `CHUỖI NHẬT KÝ BỊ HỎNG / AUDIT CHAIN BROKEN: ${report.problems.length} problem(s):`,
    );
    for (const p of report.problems) console.log(`  ${p.kind} ${p.stream}#${p.streamSeq ?? '-'}: ${p.detail}`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(28)} ${n}`);
    return { ok: report.ok, counts };
  } finally {
    await orm.close(true);
  }
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');

const COMMANDS: Record<string, AdminCommand> = {
  backup: {
    usage: 'backup [--out FILE]',
    vi: 'Sao lưu toàn bộ cơ sở dữ liệu bằng pg_dump (định dạng custom) vào FILE (mặc định backups/phoihop-<thời điểm>.dump).',
    en: 'Dumps the whole database with pg_dump (custom format) to FILE (default backups/phoihop-<timestamp>.dump).',
    async run(args, config) {
      const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
      const out = resolve(values.out ?? join('backups', `phoihop-${stamp()}.dump`));
      mkdirSync(dirname(out), { recursive: true });
      await withDatabase(config, async (url) => {
        const { tool } = await backupDatabase(url, out, { pgBinDir: config.PG_BIN_DIR });
        console.log(`Đã sao lưu / backup written: ${out} (pg_dump ${tool.major})`);
      });
    },
  },
  restore: {
    usage: 'restore FILE [--no-privileges]',
    vi: 'Khôi phục FILE vào cơ sở dữ liệu DATABASE_URL, phải là cơ sở dữ liệu mới, trống; sau đó kiểm tra chuỗi nhật ký kiểm toán và in số bản ghi từng bảng.',
    en: 'Restores FILE into DATABASE_URL, which must be a new, empty database; then verifies the audit chain and prints the row count of every table.',
    async run(args, config) {
      const { values, positionals } = parseArgs({
        args,
        options: { 'no-privileges': { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1) throw new UsageError('restore needs exactly one FILE');
      const file = resolve(positionals[0]);
      await withDatabase(config, async (url) => {
        await restoreDatabase(url, file, { pgBinDir: config.PG_BIN_DIR, noPrivileges: values['no-privileges'] });
        console.log(`Đã khôi phục / restored: ${file}`);
        const { ok } = await verify(url, cliCheckpointKey(config));
        if (!ok) process.exitCode = 1;
      });
    },
  },
  verify: {
    usage: 'verify',
    vi: 'Kiểm tra chuỗi băm của nhật ký sự kiện (kiểm toán) và in số bản ghi từng bảng.',
    en: 'Verifies the hash chain of the event log (the audit trail) and prints the row count of every table.',
    async run(_args, config) {
      await withDatabase(config, async (url) => {
        const { ok } = await verify(url, cliCheckpointKey(config));
        if (!ok) process.exitCode = 1;
      });
    },
  },
};

function help(): string {
  const lines = [
    'Phối Hợp — công cụ quản trị / administration',
    '',
    'Cách dùng / usage: npm run admin -- <lệnh / command> [tham số / options]',
    'Cơ sở dữ liệu: DATABASE_URL, hoặc cơ sở dữ liệu nhúng trong DATA_DIR. / Database: DATABASE_URL, or the embedded one in DATA_DIR.',
    '',
  ];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.vi}`, `      ${command.en}`);
  lines.push('  help', '      In hướng dẫn này. / Prints this help.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`Lệnh không tồn tại / unknown command: ${name}`);
  await command.run(args, loadConfig({ SEED_DEMO: false }));
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${err.message}\n\n${help()}`);
    process.exit(2);
  }
  const known = err instanceof BackupError || err instanceof ConfigError || err instanceof EmbeddedDatabaseError;
  console.error(`Thất bại / failed: ${known ? (err as Error).message : err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
