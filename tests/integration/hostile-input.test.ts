import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

/**
 * The hostile-input suite (issue 11): thousands of generated queries, mutations and graphql-ws frames
 * from a signed-in official — wrong types, hostile strings, malformed and foreign ids, invalid
 * cursors, huge numbers, deep and wide documents. Whatever comes in: no INTERNAL_SERVER_ERROR, no 5xx,
 * no crash, and every table (but the sign-in attempt counters, which exist to count refusals) is
 * byte-for-byte what it was before the rejected operations.
 */

let app: App;
let token: string;
let foreignCaseId: string;
let ownCaseId: string;

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase(), { SIGNIN_MAX_ATTEMPTS: 1000, SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: 100_000 });
  const areas = await makeProvince(app.orm);
  const officeA = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
  const officeB = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeB]);
  const officerA = await makeUser(app.orm, officeA, [Role.ENFORCEMENT_OFFICER]);
  const officerB = await makeUser(app.orm, officeB, [Role.ENFORCEMENT_OFFICER]);
  token = (await signIn(app, officerA.username)).accessToken;
  ownCaseId = (await makeSharedCase(app, token, areas.communeA.id)).id;
  foreignCaseId = (await makeSharedCase(app, (await signIn(app, officerB.username)).accessToken, areas.communeB.id)).id;
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** md5 of every row of every table, by table (sign-in counters, the migration list and the sequencer's bookmark, rewritten by every background pass, left out). */
async function tableChecksums(): Promise<Record<string, string>> {
  const conn = app.orm.em.fork().getConnection();
  const tables = (
    await conn.execute<{ t: string }[]>(
      `select tablename as t from pg_tables where schemaname = 'public' and tablename not in ('signin_throttle', 'mikro_orm_migrations', 'event_sequencer') order by 1`,
    )
  ).map((r) => r.t);
  const select = tables
    .map((t) => `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from "${t}" x) as "${t}"`)
    .join(', ');
  const [row] = await conn.execute<Record<string, string>[]>(`select ${select}`);
  return row;
}

// --- hostile values --------------------------------------------------------------------------------
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    "'; drop table event; --",
    '${x}',
    '%s%n',
    '../../etc/passwd',
    '<script>',
    'NaN',
    '-1',
    '1e309',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
);
const hostileId = () =>
  fc.oneof(
    fc.uuid(),
    fc.constant(foreignCaseId),
    fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '1', '', '\u0000', '00000000-0000-4000-8000-000000000000\u0000'),
    hostileString,
  );
const hostileCursor = fc.oneof(
  fc.constantFrom('1.2', '0.0', '99999999999999999999.1', '-1.1', 'abc', '1.', 'eyJpZCI6MX0=', '{"id":1}'),
  hostileString,
);
const hostileInt = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 101, 2 ** 31 - 1, -(2 ** 31), 1e15, 1.5, Number.MAX_SAFE_INTEGER));
const hostileMoney = fc.oneof(
  fc.constantFrom('999999999999999999', '9999999999999999999999', '-1', '1.5', '1e9', '', '0x10', ' 1', '１２３', '0'),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
  fc.integer().map(String),
);
const hostileDate = fc.oneof(
  fc.constantFrom('2026-02-30', '0000-01-01', '9999-12-31T99:00:00Z', 'yesterday', '2026-13-01', '+275760-09-13T00:00:00.000Z'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  hostileString,
);
/** Any JSON value, of any type: what a caller may put where a variable of another type belongs. */
const anyJson = fc.oneof(
  hostileString,
  hostileInt,
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }),
);

/** A hostile value for `type`: mostly the right shape with bad content, sometimes the wrong type. */
function valueFor(type: GraphQLInputType, name: string, depth = 0): fc.Arbitrary<unknown> {
  const inner = getNullableType(type) as GraphQLInputType;
  const wrong = depth > 3 ? fc.constant(null) : anyJson;
  let right: fc.Arbitrary<unknown>;
  if (isListType(inner)) right = fc.array(valueFor(inner.ofType, name, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
  else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    right =
      depth > 3
        ? fc.constant({})
        : fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name, depth + 1)])), {
            requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
          });
  } else if (isEnumType(inner)) right = fc.oneof(fc.constantFrom(...inner.getValues().map((v) => v.name)), hostileString);
  else {
    const scalar = getNamedType(inner).name;
    right =
      scalar === 'ID'
        ? hostileId()
        : scalar === 'Int'
          ? hostileInt
          : scalar === 'Boolean'
            ? fc.boolean()
            : scalar === 'Money'
              ? hostileMoney
              : scalar === 'DateTimeISO' || /date|At$|from|to/i.test(name)
                ? hostileDate
                : /after|before|cursor/i.test(name)
                  ? hostileCursor
                  : hostileString;
  }
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** A selection set for `type`, `depth` levels deep at most (scalars, then a few nested objects). */
function selectionFor(type: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const objects = fields.filter((f) => isObjectType(getNamedType(f.type)));
  const leafPick = leaves.length
    ? fc.subarray(
        leaves.map((f) => f.name),
        { minLength: 1, maxLength: Math.min(4, leaves.length) },
      )
    : fc.constant(['__typename']);
  if (depth <= 0 || objects.length === 0) return leafPick.map((names) => names.join(' '));
  return fc
    .tuple(
      leafPick,
      fc
        .subarray(objects, { maxLength: Math.min(2, objects.length) })
        .chain((picked) =>
          picked.length
            ? (fc.tuple(
                ...picked.map((f) =>
                  selectionFor(getNamedType(f.type) as GraphQLObjectType, depth - 1).map((sel) => `${f.name} { ${sel} }`),
                ),
              ) as fc.Arbitrary<string[]>)
            : fc.constant([] as string[]),
        ),
    )
    .map(([names, nested]) => [...names, ...(nested as string[])].join(' '));
}

/** One operation on `field` of `root` with every argument passed as a variable of hostile content. */
function operationFor(schema: GraphQLSchema, kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const returned = getNamedType(field.type);
  const selection = isObjectType(returned) ? selectionFor(returned, 3).map((s) => ` { ${s} }`) : fc.constant('');
  const args = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, a.name)])), { requiredKeys: [] });
  return fc.tuple(selection, args).map(([sel, variables]) => {
    const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    return { query: `${kind} Fuzz${defs ? `(${defs})` : ''} { ${field.name}${call}${sel} }`, variables };
  });
}

async function send(body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) };
}

function expectNoServerFault(res: { status: number; json: any }, what: string) {
  const internal = (res.json.errors ?? []).filter((e: any) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
  expect(internal, `${what}\n→ ${JSON.stringify(res.json.errors)}`).toEqual([]);
  expect(res.status, what).toBeLessThan(500);
}

describe('hostile input', () => {
  it('bad ids, cursors, money, dates and strings in every query: no INTERNAL_SERVER_ERROR, no 5xx', async () => {
    const queries = Object.values(app.schema.getQueryType()!.getFields());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queries).chain((f) => operationFor(app.schema, 'query', f)),
        async (op) => {
          expectNoServerFault(await send(op), JSON.stringify(op).slice(0, 800));
        },
      ),
      { numRuns: 700 },
    );
  }, 120_000);

  it('every mutation with hostile arguments is refused with a client code and changes no table', async () => {
    const mutations = Object.values(app.schema.getMutationType()!.getFields());
    const before = await tableChecksums();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...mutations).chain((f) => operationFor(app.schema, 'mutation', f)),
        async (op) => {
          const res = await send(op);
          expectNoServerFault(res, JSON.stringify(op).slice(0, 800));
          // Sign-out of an unknown token answers true, and marking a fresh viewer's (empty) inbox read changes
          // nothing; anything else must be refused.
          if (!/signOut|markInboxRead/.test(op.query)) expect(res.json.errors?.length, JSON.stringify(op).slice(0, 400)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 700 },
    );
    const after = await tableChecksums();
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    expect(changed).toEqual([]);
  }, 120_000);

  it('malformed HTTP requests: wrong shapes, huge and deep documents, never a 5xx', async () => {
    const shapes = fc.oneof(
      anyJson,
      fc.record({ query: anyJson, variables: anyJson, operationName: anyJson }, { requiredKeys: [] }),
      fc
        .integer({ min: 1, max: 3000 })
        .map((n) => ({ query: `{ ${'case(id: "x") { actions { '.repeat(n % 200)} id ${'} }'.repeat(n % 200)} }` })),
      fc.integer({ min: 1, max: 200 }).map((n) => ({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }` })),
      fc.integer({ min: 1, max: 30 }).map((n) => ({ query: `query { me { ${'...F '.repeat(n)} } } fragment F on User { id ...F }` })),
      fc.constantFrom(
        { query: '{ __schema { types { name fields { name } } } }' },
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
        { query: '{ me { id } }', operationName: 'Nope' },
      ),
    );
    await fc.assert(
      fc.asyncProperty(shapes, async (body) => {
        const res = await send(body);
        expectNoServerFault(res, JSON.stringify(body).slice(0, 400));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('malformed graphql-ws frames: the socket may close with a 44xx code, the server never fails', async () => {
    const frame = fc.oneof(
      hostileString,
      anyJson.map((v) => JSON.stringify(v)),
      fc
        .record(
          {
            type: fc.constantFrom('subscribe', 'next', 'complete', 'ping', 'pong', 'connection_init', 'error', 'bogus'),
            id: fc.oneof(fc.uuid(), hostileString, fc.integer()),
            payload: anyJson,
          },
          { requiredKeys: ['type'] },
        )
        .map((m) => JSON.stringify(m)),
      fc.tuple(fc.uuid(), hostileCursor, hostileId()).map(([id, after, caseId]) =>
        JSON.stringify({
          type: 'subscribe',
          id,
          payload: {
            query: 'subscription($c: ID!, $a: String) { caseActivity(caseId: $c, after: $a) { cursor } }',
            variables: { c: caseId, a: after },
          },
        }),
      ),
      fc.integer({ min: 10, max: 400 }).map((n) =>
        JSON.stringify({
          type: 'subscribe',
          id: 'deep',
          payload: { query: `{ ${'case(id: "x") { actions { '.repeat(n)} id ${'} }'.repeat(n)} }` },
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(frame, { minLength: 1, maxLength: 5 }), async (init, frames) => {
        const socket = new WebSocket(app.url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
        const answers: any[] = [];
        const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
        socket.on('message', (data) => answers.push(JSON.parse(String(data))));
        await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
        if (init) socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
        for (const f of frames) if (socket.readyState === WebSocket.OPEN) socket.send(f);
        const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 60))]);
        if (socket.readyState === WebSocket.OPEN) socket.close(1000);
        await closed;
        expect(
          code === 0 || code === 1000 || code === 1005 || (code >= 4400 && code < 4500),
          `close ${code} after ${frames.join(' | ').slice(0, 300)}`,
        ).toBe(true);
        const internal = answers
          .flatMap((a) => (a.type === 'error' ? a.payload : (a.payload?.errors ?? [])))
          .filter((e: any) => e?.extensions?.code === 'INTERNAL_SERVER_ERROR');
        expect(internal, frames.join(' | ').slice(0, 300)).toEqual([]);
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('the issue’s own examples: two 999,999,999,999,999,999 đ obligations, a NUL, a non-UUID id, a bad cursor', async () => {
    const before = await tableChecksums();
    const res = await gql(
      app,
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      {
        input: {
          judgmentNumber: 'BA-overflow',
          judgmentCourt: 'Tòa án nhân dân khu vực 1',
          judgmentDate: '2026-08-20',
          receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
          kind: 'ON_REQUEST',
          communeId: (await gql(app, 'query($id: ID!) { case(id: $id) { commune { id } } }', { id: ownCaseId }, token)).data?.case.commune
            .id,
          parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Trần Thị Mai' }],
          obligations: [0, 1].map(() => ({ kind: 'PAY_MONEY', description: 'Trả nợ', debtorIndex: 0, amountOwed: '999999999999999999' })),
        },
      },
      token,
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await tableChecksums()).toEqual(before);
    const cases = await gql(app, '{ cases(first: 100) { totalCount edges { node { id totals { owed } } } } }', undefined, token);
    expect(cases.errors).toBeUndefined();
    for (const [query, variables] of [
      ['query($id: ID!) { case(id: $id) { id } }', { id: 'not-a-uuid' }],
      ['query($s: String) { cases(filter: { search: $s }) { totalCount } }', { s: 'a\u0000b' }],
      ['query($a: String) { cases(first: 5, after: $a) { totalCount } }', { a: 'garbage' }],
    ] as const) {
      const r = await gql(app, query, variables, token);
      expect(r.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });
});
