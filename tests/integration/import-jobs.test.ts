import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { STALE_JOB_FAILURE } from '../../server/src/modules/imports/import-jobs';
import { importLockKey } from '../../server/src/modules/imports/import.service';
import { createTestDatabase, eventually, gql, startTestApp } from '../support/harness';

/** Issue 15 item 1: imports uploaded through the API (POST /import/<kind>) and run as jobs with progress (importJob). */
let app: App;
let dbUrl: string;
let officeAdmin: User;
let office: Agency, otherOffice: Agency;
let communeA: Area;
let officer: User;
let officeAdminToken: string, otherAdminToken: string, policeToken: string;

const HEADER =
  'ma_co_quan,so_ban_an,toa_an,ngay_ban_an,ngay_thu_ly,loai_viec,ma_xa,chap_hanh_vien,ds1_vai_tro,ds1_ten,nv1_loai,nv1_mo_ta,nv1_so_tien';
const row = (n: string, over: { ngay?: string; tien?: string } = {}) =>
  [
    office.code,
    n,
    'Tòa án nhân dân khu vực 9',
    over.ngay ?? '10/01/2025',
    '20/01/2025',
    'THEO_DON',
    communeA.code,
    officer.username,
    'PHAI_THI_HANH',
    `Người phải thi hành ${n}`,
    'TRA_TIEN',
    'Trả tiền vay',
    over.tien ?? '777.000.000',
  ].join(',');
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

/** Uploads `csv` as a file of `kind` the way the web app does. */
async function upload(kind: string, csv: string, token: string | null, query = ''): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}/import/${kind}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}

const JOB = `query($id: ID!) { importJob(id: $id) { id kind state processed total rows created unchanged skipped failure errors { row column code message } } }`;

async function caseCount(prefix: string): Promise<number> {
  const [r] = await app.orm.em
    .fork()
    .getConnection()
    .execute(`select count(*)::int as n from enforcement_case where lead_agency_id = ? and judgment_number like ?`, [
      office.id,
      `${prefix}%`,
    ]);
  return r.n;
}

/** Polls the job until it is no longer RUNNING; returns every state seen, then the last answer. */
async function finish(id: string, token: string) {
  const seen: string[] = [];
  const last = await eventually(
    async () => {
      const res = await gql(app, JOB, { id }, token);
      const job = res.data?.importJob;
      if (!job) throw new Error(JSON.stringify(res.errors));
      seen.push(job.state);
      return job.state === 'RUNNING' ? null : job;
    },
    'the import job to finish',
    30_000,
  );
  return { seen, last };
}

beforeAll(async () => {
  dbUrl = await createTestDatabase();
  // No periodic sweep during the tests (the one at start still runs): the sweep test calls it itself.
  app = await startTestApp(dbUrl, { IMPORT_MAX_BYTES: 4096, IMPORT_JOB_SWEEP_INTERVAL_MS: 86_400_000 });
  ({ communeA } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA], 'Phòng THADS khu vực 9');
  otherOffice = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA], 'Phòng THADS khu vực 8');
  const police = await makeAgency(app.orm, AgencyKind.POLICE, [communeA]);
  officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  officeAdmin = await makeUser(app.orm, office, [Role.AGENCY_ADMIN]);
  officeAdminToken = (await signIn(app, officeAdmin.username)).accessToken;
  otherAdminToken = (await signIn(app, (await makeUser(app.orm, otherOffice, [Role.AGENCY_ADMIN])).username)).accessToken;
  policeToken = (await signIn(app, (await makeUser(app.orm, police, [Role.OFFICER])).username)).accessToken;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('import upload and jobs', () => {
  it('a good file: dry run counts, the job runs to DONE with its progress, the cases exist once; a repeat upload adds none', async () => {
    const csv = file(row('JOB-1'), row('JOB-2'), row('JOB-3'));
    const dry = await upload('cases', csv, officeAdminToken, '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(dry.body.report).toMatchObject({ dryRun: true, rows: 3, created: 3, unchanged: 0, errors: [], applied: false });
    expect(await caseCount('JOB-')).toBe(0);

    const started = await upload('cases', csv, officeAdminToken);
    expect(started.status).toBe(202);
    expect(started.body.job).toMatchObject({ kind: 'cases', state: 'RUNNING', total: 3, rows: 3 });
    const { last } = await finish(started.body.job.id, officeAdminToken);
    expect(last).toMatchObject({ state: 'DONE', processed: 3, total: 3, created: 3, unchanged: 0, skipped: 0, errors: [], failure: null });
    expect(await caseCount('JOB-')).toBe(3);

    const again = await upload('cases', csv, officeAdminToken);
    expect(again.status).toBe(202);
    expect(again.body.job).toMatchObject({ total: 0, unchanged: 3 });
    const second = await finish(again.body.job.id, officeAdminToken);
    expect(second.last).toMatchObject({ state: 'DONE', created: 0, unchanged: 3 });
    expect(await caseCount('JOB-')).toBe(3);
  });

  it('a file with bad rows is refused with Vietnamese row errors and nothing is written; skipBadRows imports the good rows', async () => {
    const csv = file(row('BAD-1'), row('BAD-2', { ngay: '31/02/2025' }), row('BAD-3', { tien: '77.00.000' }));
    const refused = await upload('cases', csv, officeAdminToken);
    expect(refused.status).toBe(400);
    const [error] = refused.body.errors;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('không có dòng nào được nhập');
    expect(error.extensions.rowErrors.map((e: any) => [e.row, e.column, e.code])).toEqual([
      [3, 'ngay_ban_an', 'INVALID'],
      [4, 'nv1_so_tien', 'INVALID'],
    ]);
    expect(error.extensions.rowErrors[1].message).toContain('ví dụ 777.000.000');
    expect(await caseCount('BAD-')).toBe(0);

    const skipping = await upload('cases', csv, officeAdminToken, '?skipBadRows=1');
    expect(skipping.status).toBe(202);
    const { last } = await finish(skipping.body.job.id, officeAdminToken);
    expect(last).toMatchObject({ state: 'DONE', created: 1, skipped: 2 });
    expect(last.errors.map((e: any) => e.row)).toEqual([3, 4]);
    expect(await caseCount('BAD-')).toBe(1);
  });

  it('refuses a missing column even with skipBadRows, an unknown kind and an empty file', async () => {
    const noColumn = await upload('cases', 'ma_co_quan,so_ban_an\nX,1', officeAdminToken, '?skipBadRows=1');
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.errors[0].extensions.rowErrors[0]).toMatchObject({ row: 1, code: 'MISSING_COLUMN' });
    expect((await upload('khac', file(row('K-1')), officeAdminToken)).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'kind',
    });
    expect((await upload('cases', '  \n', officeAdminToken)).status).toBe(400);
  });

  it('refuses a file over IMPORT_MAX_BYTES with PAYLOAD_TOO_LARGE, writing nothing', async () => {
    const big = file(...Array.from({ length: 40 }, (_, i) => row(`BIG-${i}`)));
    expect(Buffer.byteLength(big)).toBeGreaterThan(4096);
    const res = await upload('cases', big, officeAdminToken);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.errors[0].message).toContain('MB');
    expect(await caseCount('BIG-')).toBe(0);
  });

  it('unauthorised: anonymous → UNAUTHENTICATED, a police officer → FORBIDDEN, another office → NOT_ALLOWED rows; jobs are private', async () => {
    const csv = file(row('AUTH-1'));
    const anonymous = await upload('cases', csv, null);
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const police = await upload('cases', csv, policeToken);
    expect([police.status, police.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const areas = await upload('areas', 'ma,ten,cap\nVN,Việt Nam,QUOC_GIA', officeAdminToken);
    expect([areas.status, areas.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const other = await upload('cases', csv, otherAdminToken);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].extensions.rowErrors[0]).toMatchObject({ row: 2, column: 'ma_co_quan', code: 'NOT_ALLOWED' });
    expect(await caseCount('AUTH-')).toBe(0);

    const mine = await upload('cases', csv, officeAdminToken);
    await finish(mine.body.job.id, officeAdminToken);
    const peek = await gql(app, JOB, { id: mine.body.job.id }, otherAdminToken);
    expect(peek.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymousPeek = await gql(app, JOB, { id: mine.body.job.id });
    expect(anonymousPeek.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an upload while another import of the office holds its lock is refused at once: 409 CONFLICT (IMPORT_RUNNING), no job, nothing written', async () => {
    const key = importLockKey('cases', { agencyId: officeAdmin.agency.id } as never);
    // Held by a transaction of its own (one pinned connection), as a running import holds it.
    await app.orm.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
      const busy = await upload('cases', file(row('BUSY-1')), officeAdminToken);
      expect(busy.status, JSON.stringify(busy.body)).toBe(409);
      expect(busy.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IMPORT_RUNNING' });
    });
    expect(await caseCount('BUSY-')).toBe(0);
  });

  it('two uploads of the same new file at the same time write it once: the other is refused (CONFLICT) or finds every row there', async () => {
    const csv = file(row('TWIN-1'), row('TWIN-2'), row('TWIN-3'));
    const both = await Promise.all([upload('cases', csv, officeAdminToken), upload('cases', csv, officeAdminToken)]);
    const outcomes = [];
    for (const res of both) {
      if (res.status === 409) {
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IMPORT_RUNNING' });
        outcomes.push('refused');
        continue;
      }
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const { last } = await finish(res.body.job.id, officeAdminToken);
      if (last.state === 'FAILED') {
        expect(last.failure).toContain('Đang có một lần nhập tệp việc thi hành án khác chạy');
        expect(last.processed).toBe(0);
        outcomes.push('refused');
      } else outcomes.push(last.created === 3 ? 'wrote' : `found ${last.unchanged}`);
    }
    expect(outcomes.sort()).toEqual(outcomes.includes('refused') ? ['refused', 'wrote'] : ['found 3', 'wrote']);
    expect(await caseCount('TWIN-')).toBe(3);
  });

  it('a job left RUNNING by a stopped instance is marked FAILED with a Vietnamese reason; a live or recent job is left alone', async () => {
    const em = app.orm.em.fork();
    const insertJob = async (startedAgo: string) => {
      const [row] = await em.getConnection().execute<{ id: string }[]>(
        `insert into import_job (id, kind, actor_id, state, skip_bad_rows, rows, total, processed, started_at)
         values (gen_random_uuid(), 'cases', ?, 'RUNNING', false, 3, 3, 2, now() - ?::interval) returning id`,
        [officeAdmin.id, startedAgo],
      );
      return row.id;
    };
    const dead = await insertJob('1 hour');
    const recent = await insertJob('1 second');
    const alive = await insertJob('1 hour');
    // A job still writing holds its lock in its transaction (on whichever instance): here, another session.
    const holder = app.orm.em.fork();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const transaction = holder.transactional(async (tx) => {
      await tx.execute("select pg_advisory_xact_lock(hashtext('phoihop:import-job:' || ?))", [alive]);
      locked();
      await held;
    });
    await lockTaken;
    try {
      expect((await app.services.importJobs.sweepStale(em, 60_000)).sort()).toEqual([dead]);
    } finally {
      release();
      await transaction;
    }
    const state = async (id: string) => (await gql(app, JOB, { id }, officeAdminToken)).data!.importJob;
    expect(await state(dead)).toMatchObject({ state: 'FAILED', processed: 0, failure: STALE_JOB_FAILURE });
    expect(STALE_JOB_FAILURE).toContain('không có dòng nào được ghi');
    expect((await state(recent)).state).toBe('RUNNING');
    expect((await state(alive)).state).toBe('RUNNING');
    // Its transaction is gone now: the sweep an instance runs when it starts marks it (the recent one stays).
    const second = await startTestApp(dbUrl, { IMPORT_MAX_BYTES: 4096 });
    try {
      await eventually(async () => (await state(alive)).state === 'FAILED', 'the start-up sweep', 20_000);
      expect((await state(recent)).state).toBe('RUNNING');
    } finally {
      await second.close();
    }
    await em.getConnection().execute(`update import_job set state = 'FAILED', finished_at = now() where id = ?`, [recent]);
  });
});
