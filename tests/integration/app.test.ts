import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { AgencyKind, makeAgency, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';
import { connectWs } from '../support/ws';

let app: App;
beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
});
afterAll(async () => {
  await app?.close();
});

describe('an instance', () => {
  it('reports health and readiness (database, migrations, bus)', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: true, migrations: true, bus: true, delivery: true } });
  });

  it('is not ready once live delivery has stalled longer than READY_MAX_DELIVERY_STALL_MS', async () => {
    const other = await startTestApp(await createTestDatabase(), { READY_MAX_DELIVERY_STALL_MS: 1000 });
    try {
      expect((await fetch(`${other.url}/readyz`)).status).toBe(200);
      // No more dispatcher passes: what a hung database or a stuck sequencer lock looks like from here.
      await other.services.dispatcher.stop();
      await new Promise((r) => setTimeout(r, 1500));
      const stalled = await fetch(`${other.url}/readyz`);
      const body = await stalled.clone().json();
      expect(stalled.status, JSON.stringify(body)).toBe(503);
      expect(await stalled.json()).toMatchObject({ status: 'not ready', checks: { database: true, delivery: false } });
    } finally {
      await other.close();
    }
  });

  it('answers GraphQL over HTTP with a request id header', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-1' },
      body: JSON.stringify({ query: '{ serverInfo { version instanceId eventBus } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-test-1');
    const body = (await res.json()) as { data: { serverInfo: Record<string, string> } };
    expect(body.data.serverInfo).toMatchObject({ instanceId: app.services.instanceId, eventBus: 'in-process' });
  });

  it('answers GraphQL over the WebSocket on the same path, for an authenticated socket', async () => {
    const user = await makeUser(app.orm, await makeAgency(app.orm, AgencyKind.COURT, []), [Role.OFFICER]);
    const { accessToken } = await signIn(app, user.username);
    const ws = connectWs(app, accessToken);
    await ws.connected;
    const res = await ws.request('{ me { id } serverInfo { instanceId } }');
    expect(res.data).toEqual({ me: { id: user.id }, serverInfo: { instanceId: app.services.instanceId } });
    const denied = await ws.request('{ verifyAuditChain { ok } }');
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ws.dispose();
  });

  it('turns malformed requests into coded errors without stack traces', async () => {
    const syntax = await gql(app, '{ serverInfo { ');
    expect(syntax.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await gql(app, '{ nothingHere }');
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVariable = await gql(app, 'query($f: Int) { agencies(first: $f) { totalCount } }', { f: 'many' });
    expect(badVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const res of [syntax, unknown, badVariable]) expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+|node_modules/);
  });

  it('rejects an out-of-range page size with BAD_USER_INPUT', async () => {
    const user = await makeUser(app.orm, await makeAgency(app.orm, AgencyKind.COURT, []), [Role.OFFICER]);
    const { accessToken } = await signIn(app, user.username);
    const res = await gql(app, '{ agencies(first: 1000) { totalCount } }', {}, accessToken);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/100/);
    // A list that pages both ways checks `last` the same way.
    const tooMany = await gql(app, '{ mentionsMe(last: 1000) { totalCount } }', {}, accessToken);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toMatch(/tối đa là 100/);
    const none = await gql(app, '{ mentionsMe(last: 0) { totalCount } }', {}, accessToken);
    expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0].message).toMatch(/ít nhất là 1/);
    expect((await gql(app, '{ mentionsMe(last: 5) { totalCount } }', {}, accessToken)).errors).toBeUndefined();
  });

  it('pages through the agency directory without repeats or gaps', async () => {
    for (let i = 0; i < 7; i++) await makeAgency(app.orm, AgencyKind.MASS_ORGANISATION, [], `Hội số ${i}`);
    const user = await makeUser(app.orm, await makeAgency(app.orm, AgencyKind.COURT, []), [Role.OFFICER]);
    const { accessToken } = await signIn(app, user.username);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const res: any = await gql(
        app,
        'query($after: String) { agencies(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        { after },
        accessToken,
      );
      total = res.data.agencies.totalCount;
      seen.push(...res.data.agencies.edges.map((e: any) => e.node.id));
      if (!res.data.agencies.pageInfo.hasNextPage) break;
      after = res.data.agencies.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('close() drains and releases everything (a second close is harmless)', async () => {
    const other = await startTestApp(await createTestDatabase());
    const url = other.url;
    await other.close();
    await other.close();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
