import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from '../config';
import { AppError } from '../errors';
import { backupDatabase, BackupError, restoreDatabase, tableCounts } from '../db/backup';
import { EmbeddedDatabaseError, readPostmasterPid, startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrateUp, openOrm } from '../db/orm';
import { checkpointKey } from '../events/checkpoints';
import { type AuditProgress, verifyAuditChain } from '../events/event-log';
import { resolveAuthSecret } from '../auth/secret';
import { createLogger } from '../logger';
import { InProcessBus } from '../events/bus';
import { Outbox } from '../events/outbox';
import { AgencyService } from '../modules/agencies/agency.service';
import { AreaService } from '../modules/areas/area.service';
import { CalendarService } from '../modules/calendar/calendar.service';
import { IMPORT_KINDS, ImportService, type ImportKind, type ImportReport } from '../modules/imports/import.service';
import { UserService } from '../modules/users/user.service';
import type { Role, Viewer } from '../auth/viewer';

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
 * A command's options and its `count` positional arguments (FILE, USERNAME …): an unknown option, or
 * another number of positionals, is a UsageError (`need` says what the command needs).
 */
function commandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, count: number, need: string) {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== count) throw new UsageError(need);
  return parsed;
}

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
    // As the owner (no superuser), like the app's migrations; the running app has created that role.
    const stored = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
      user: string;
      password: string;
      ownerUser?: string;
      ownerPassword?: string;
    };
    const [user, password] =
      stored.ownerUser && stored.ownerPassword ? [stored.ownerUser, stored.ownerPassword] : [stored.user, stored.password];
    return work(`postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/phoihop`);
  }
  const db = await startEmbeddedPostgres({ dataDir, logger: createLogger('warn') });
  try {
    return await work(db.url);
  } finally {
    await db.stop();
  }
}

/** `withDatabase`, with an ORM opened on it for the command and closed after (whatever happens). */
function withOrm<T>(config: AppConfig, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  return withDatabase(config, async (url) => {
    const orm = await openOrm(url);
    try {
      return await work(orm);
    } finally {
      await orm.close(true);
    }
  });
}

/** The outbox of a command: events commit with the change; nobody listens in this process. */
const commandOutbox = () => new Outbox(new InProcessBus(), createLogger('warn'));

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

/**
 * The account an import acts as (its events name it, the policy applies to it): `--as USERNAME`, or the
 * only active system administrator when there is exactly one.
 */
async function actingViewer(em: import('@mikro-orm/postgresql').EntityManager, username?: string): Promise<Viewer> {
  const rows = await em.getConnection().execute<{ id: string; agency_id: string; kind: string; roles: Role[]; paths: string[] }[]>(
    `select u.id, u.agency_id, a.kind, u.roles, coalesce(array_agg(ar.path) filter (where ar.path is not null), '{}') as paths
       from app_user u join agency a on a.id = u.agency_id and a.active
       left join agency_coverage c on c.agency_id = a.id left join area ar on ar.id = c.area_id and ar.active
      where u.active and ${username ? 'u.username = ?' : "'SYSTEM_ADMIN' = any(u.roles)"}
      group by u.id, a.kind limit 2`,
    username ? [username.toLowerCase()] : [],
  );
  if (rows.length !== 1)
    throw new UsageError(
      username
        ? `Không có tài khoản đang hoạt động "${username}" / no active account "${username}"`
        : 'Hãy chọn tài khoản thực hiện bằng --as USERNAME / choose the acting account with --as USERNAME',
    );
  const [r] = rows;
  return { userId: r.id, agencyId: r.agency_id, agencyKind: r.kind, roles: r.roles, coveredAreaPaths: r.paths, tokenExpiresAt: 0 };
}

/** Progress on stderr: one rewritten line with a bar in a terminal, a plain line every 10 % otherwise. */
function importProgressPrinter(): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    const ratio = total ? done / total : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (Math.floor(ratio * 10) > lastDecile || done === total) {
      lastDecile = Math.floor(ratio * 10);
      process.stderr.write(`${done}/${total} (${Math.round(ratio * 100)}%)\n`);
    }
  };
}

/** Prints an import report: the counts, then one line per row error (Vietnamese reason, English code). */
function printReport(report: ImportReport): void {
  const mode = report.dryRun ? 'chạy thử / dry run' : report.applied ? 'đã nhập / imported' : 'KHÔNG nhập / NOT imported';
  console.log(
    `${report.kind}: ${mode} — ${report.rows} dòng / rows, tạo mới / created ${report.created}, không đổi / unchanged ${report.unchanged}, bỏ qua / skipped ${report.skipped}, lỗi / errors ${report.errors.length}`,
  );
  for (const e of report.errors) console.log(`  dòng / row ${e.row}, cột / column ${e.column} [${e.code}]: ${e.message}`);
  if (report.errors.length && !report.applied && !report.dryRun)
    console.log(
      'Tệp có lỗi nên không nhập gì; sửa tệp hoặc thêm --skip-bad-rows. / The file has errors: nothing was imported; fix it or add --skip-bad-rows.',
    );
}

/**
 * The new password: --password (visible in the shell history: for scripts on a private machine),
 * --password-stdin (first line of stdin), or asked twice on the terminal without echo.
 */
async function readPassword(flag: string | undefined, fromStdin: boolean | undefined): Promise<string> {
  if (flag) return flag;
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
    if (!line) throw new UsageError('Không có mật khẩu trên stdin / no password on stdin');
    return line;
  }
  const ask = (question: string) =>
    new Promise<string>((resolveAnswer) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolveAnswer(answer);
      });
    });
  const first = await ask('Mật khẩu mới / new password: ');
  const second = await ask('Nhập lại / again: ');
  if (first !== second) throw new UsageError('Hai lần nhập không khớp / the two entries differ');
  return first;
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
      const { values, positionals } = commandArgs(args, { 'no-privileges': { type: 'boolean' } }, 1, 'restore needs exactly one FILE');
      const file = resolve(positionals[0]);
      await withDatabase(config, async (url) => {
        await restoreDatabase(url, file, { pgBinDir: config.PG_BIN_DIR, noPrivileges: values['no-privileges'] });
        console.log(`Đã khôi phục / restored: ${file}`);
        const { ok } = await verify(url, cliCheckpointKey(config));
        if (!ok) process.exitCode = 1;
      });
    },
  },
  import: {
    usage: `import <${IMPORT_KINDS.join('|')}> FILE.csv [--dry-run] [--skip-bad-rows] [--as USERNAME]`,
    vi: 'Nhập danh mục từ tệp CSV (xem docs/IMPORTS.md): kiểm tra toàn bộ tệp trước, báo lỗi từng dòng; tệp có lỗi không được nhập trừ khi có --skip-bad-rows; nhập lại cùng tệp không thay đổi gì. --as: tài khoản thực hiện (mặc định: quản trị hệ thống duy nhất).',
    en: 'Imports a CSV file (see docs/IMPORTS.md): the whole file is validated first with a per-row report; a file with errors imports nothing unless --skip-bad-rows; importing the same file twice changes nothing. --as: the acting account (default: the only system administrator).',
    async run(args, config) {
      const need = `import needs a kind (${IMPORT_KINDS.join(', ')}) and a FILE`;
      const { values, positionals } = commandArgs(
        args,
        { 'dry-run': { type: 'boolean' }, 'skip-bad-rows': { type: 'boolean' }, as: { type: 'string' } },
        2,
        need,
      );
      const [kind, file] = positionals;
      if (!IMPORT_KINDS.includes(kind as ImportKind)) throw new UsageError(need);
      const text = readFileSync(resolve(file), 'utf8');
      await withOrm(config, async (orm) => {
        const outbox = commandOutbox();
        // Case files need the legal calendar (the decision deadline of undecided cases), with its official days off.
        const calendar = new CalendarService(outbox);
        await calendar.load(orm.em.fork());
        const imports = new ImportService(outbox, {
          areas: new AreaService(outbox),
          agencies: new AgencyService(outbox),
          users: new UserService(outbox),
          calendar,
        });
        const viewer = await actingViewer(orm.em.fork(), values.as);
        const report = await imports.run(orm.em.fork(), viewer, kind as ImportKind, text, {
          dryRun: values['dry-run'],
          skipBadRows: values['skip-bad-rows'],
          onProgress: importProgressPrinter(),
        });
        printReport(report);
        // A file with errors fails (exit 1) unless the bad rows were skipped on purpose: scripts can stop on it.
        if (report.errors.length && !values['skip-bad-rows']) process.exitCode = 1;
      });
    },
  },
  'create-admin': {
    usage: 'create-admin --username NAME --full-name "HỌ TÊN" [--password-stdin | --password P] [--force]',
    vi: 'Tạo quản trị hệ thống đầu tiên trên cơ sở dữ liệu mới (không dữ liệu mẫu): áp dụng các bản chuyển đổi (migration), tạo cơ quan "Quản trị hệ thống" nếu chưa có. Mật khẩu: hỏi khi chạy trong terminal, hoặc đọc từ stdin với --password-stdin. Từ chối nếu đã có quản trị hệ thống, trừ khi có --force.',
    en: 'Creates the first system administrator on a new database (no demo data): applies the migrations, creates the "system administration" agency if missing. Password: asked in a terminal, or read from stdin with --password-stdin. Refused when a system administrator exists, unless --force.',
    async run(args, config) {
      const { values } = parseArgs({
        args,
        options: {
          username: { type: 'string' },
          'full-name': { type: 'string' },
          password: { type: 'string' },
          'password-stdin': { type: 'boolean' },
          force: { type: 'boolean' },
        },
        strict: true,
      });
      if (!values.username || !values['full-name']) throw new UsageError('create-admin needs --username and --full-name');
      const password = await readPassword(values.password, values['password-stdin']);
      await withOrm(config, async (orm) => {
        await migrateUp(orm);
        const users = new UserService(commandOutbox());
        const user = await users.createFirstAdmin(
          orm.em.fork(),
          { username: values.username!, fullName: values['full-name']!, password },
          { force: values.force },
        );
        console.log(`Đã tạo quản trị hệ thống / system administrator created: ${user.username}`);
      });
    },
  },
  'reset-password': {
    usage: 'reset-password USERNAME [--password-stdin | --password P]',
    vi: 'Đặt mật khẩu mới cho tài khoản USERNAME (ví dụ quản trị viên quên mật khẩu); mọi phiên đăng nhập và kết nối trực tiếp của tài khoản kết thúc ngay.',
    en: "Sets a new password for USERNAME (e.g. an administrator's lost password); all of the account's sessions and live connections end at once.",
    async run(args, config) {
      const { values, positionals } = commandArgs(
        args,
        { password: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
        1,
        'reset-password needs exactly one USERNAME',
      );
      const password = await readPassword(values.password, values['password-stdin']);
      await withOrm(config, async (orm) => {
        const users = new UserService(commandOutbox());
        const user = await users.operatorResetPassword(orm.em.fork(), positionals[0], password);
        console.log(`Đã đặt lại mật khẩu, các phiên đã kết thúc / password reset, sessions ended: ${user.username}`);
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

/** The help: both languages by default, or one with `--lang vi` / `--lang en`. */
function help(lang?: string): string {
  const vi = lang !== 'en';
  const en = lang !== 'vi';
  const pick = (v: string, e: string) => (vi && en ? `${v} / ${e}` : vi ? v : e);
  const lines = [
    pick('Phối Hợp — công cụ quản trị', 'Phối Hợp — administration'),
    '',
    `${pick('Cách dùng', 'usage')}: npm run admin -- <${pick('lệnh', 'command')}> [${pick('tham số', 'options')}]`,
    pick(
      'Cơ sở dữ liệu: DATABASE_URL, hoặc cơ sở dữ liệu nhúng trong DATA_DIR.',
      'Database: DATABASE_URL, or the embedded one in DATA_DIR.',
    ),
    '',
  ];
  for (const command of Object.values(COMMANDS)) {
    lines.push(`  ${command.usage}`);
    if (vi) lines.push(`      ${command.vi}`);
    if (en) lines.push(`      ${command.en}`);
  }
  lines.push('  help [--lang vi|en]', `      ${pick('In hướng dẫn này.', 'Prints this help.')}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const i = args.indexOf('--lang');
    console.log(help(i >= 0 ? args[i + 1] : undefined));
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
  const known = err instanceof BackupError || err instanceof ConfigError || err instanceof EmbeddedDatabaseError || err instanceof AppError;
  console.error(`Thất bại / failed: ${known ? (err as Error).message : err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
