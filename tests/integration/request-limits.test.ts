import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { limitsFromConfig, limitValidationRules, operationCost } from '../../server/src/graphql/limits';
import * as clientDocuments from '../../client/src/gql/graphql';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';
import { connectWs } from '../support/ws';

let app: App;
let token: string;

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  const areas = await makeProvince(app.orm);
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
  const officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  token = (await signIn(app, officer.username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

/** The attack from issue 11: case → actions → participants → task → case …, ten levels deep. */
function deepCaseQuery(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `actions { participants { task { case { ${selection} } } } }`;
  return `query Deep($id: ID!) { case(id: $id) { ${selection} } }`;
}

async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })(),
  };
}

describe('bounded work per operation', () => {
  it('refuses the 10-level deep query before any resolver runs (HTTP 400, no data)', async () => {
    const res = await post(JSON.stringify({ query: deepCaseQuery(10), variables: { id: '00000000-0000-4000-8000-000000000000' } }));
    expect(res.status).toBe(400);
    expect(res.json.data).toBeUndefined();
    expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.json.errors[0].extensions.limit).toBe('depth');
    expect(res.json.errors[0].message).toMatch(/lồng quá sâu/);
  });

  it('refuses too many aliases, directives and tokens with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: serverInfo { version }`).join(' ');
    const directives = `{ serverInfo { ${Array.from({ length: 40 }, () => 'version @include(if: true)').join(' ')} } }`;
    const tokens = `{ serverInfo { ${'version '.repeat(5000)} } }`;
    for (const [query, limit] of [
      [`{ ${aliases} }`, 'aliases'],
      [directives, 'directives'],
      [tokens, 'tokens'],
    ] as const) {
      const res = await post(JSON.stringify({ query }));
      expect(res.status, limit).toBe(400);
      expect(res.json.errors[0].extensions.code, limit).toBe('QUERY_TOO_COMPLEX');
      expect(res.json.errors[0].extensions.limit, limit).toBe(limit);
    }
  });

  it('refuses a shallow query whose lists multiply past the cost limit', async () => {
    // 100 cases × 10 actions × 10 participants × 100 inbox pages … within depth, far beyond cost.
    const query = `{ cases(first: 100) { edges { node { actions { participants { agency { id name } task { id assignee { id fullName } } } } parties { id } } } } }`;
    const res = await post(JSON.stringify({ query }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(res.json.errors[0].extensions.found).toBeGreaterThan(res.json.errors[0].extensions.max);
  });

  it('applies the same limits to graphql-ws operations', async () => {
    const ws = connectWs(app, token);
    await ws.connected;
    const deep = await ws.request(deepCaseQuery(10), { id: '00000000-0000-4000-8000-000000000000' }).catch((errors) => ({ errors }));
    expect((deep.errors as any[])[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const ok = await ws.request('{ serverInfo { version } }');
    expect(ok.data?.serverInfo.version).toBeTruthy();
    await ws.dispose();
  });

  it('answers an oversized body, malformed JSON and a wrong charset with coded JSON, never an HTML page', async () => {
    const huge = await post(JSON.stringify({ query: `{ serverInfo { version } }`, variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
    expect(huge.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await post('{"query": "{ serverInfo { version } }"');
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    const charset = await post(JSON.stringify({ query: '{ serverInfo { version } }' }), {
      'content-type': 'application/json; charset=koi8-r',
    });
    expect(charset.status).toBe(415);
    const badUtf8 = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(badUtf8.status).toBeLessThan(500);
    for (const r of [huge, malformed, charset]) {
      expect(r.text).not.toMatch(/<html|at .*\.js|node_modules|\/work\//i);
    }
  });

  it('refuses introspection to anonymous callers in production, allows it signed in', async () => {
    const anonymous = await gql(app, '{ __schema { queryType { name } } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const signedIn = await gql(app, '{ __schema { queryType { name } } }', undefined, token);
    expect(signedIn.data?.__schema.queryType.name).toBe('Query');
  });

  it('sends security headers (CSP, frame-ancestors, nosniff, referrer policy)', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

describe("the web app's own operations fit comfortably", () => {
  const limits = limitsFromConfig(loadConfig({}, {}));
  // Codegen emits each operation as a TypedDocumentString (the operation text with its fragments).
  const documents = Object.entries(clientDocuments)
    .filter(([name, value]) => name.endsWith('Document') && typeof (value as { toString?: unknown })?.toString === 'function')
    .map(([name, value]) => [name, parse(String(value))] as [string, DocumentNode]);

  it('finds the generated documents', () => {
    expect(documents.length).toBeGreaterThan(15);
  });

  it('every operation is valid, within half of each limit, at the largest page size it asks for', () => {
    const halfLimits = {
      ...limits,
      maxDepth: Math.floor(limits.maxDepth * 0.7),
      maxAliases: Math.floor(limits.maxAliases / 2),
      maxDirectives: Math.floor(limits.maxDirectives / 2),
    };
    for (const [name, document] of documents) {
      const errors = validate(app.schema, document, [...specifiedRules, ...limitValidationRules(halfLimits)]);
      expect(
        errors.map((e) => e.message),
        name,
      ).toEqual([]);
      // Page-size variables at the maximum the schema allows: the worst the app can send.
      const variables = worstCaseVariables(app.schema, document);
      const cost = operationCost(app.schema, document, variables);
      expect(cost, `${name} costs ${cost}`).toBeLessThanOrEqual(limits.maxCost / 2);
      // Re-parsing the printed document stays far under the token limit.
      expect(() => parse(print(document), { maxTokens: limits.maxTokens / 2 }), name).not.toThrow();
    }
  });
});

/** A value of `type` for every declared variable; page sizes at their maximum (100). */
function worstCaseVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const sampleValueOf = (type: GraphQLInputType, name: string): unknown => {
    const inner = getNullableType(type) as GraphQLInputType;
    if (isListType(inner)) return [sampleValueOf(inner.ofType, name)];
    if (isEnumType(inner)) return inner.getValues()[0].value;
    if (isInputObjectType(inner)) {
      return Object.fromEntries(
        Object.values(inner.getFields())
          .filter((f) => isNonNullType(f.type))
          .map((f) => [f.name, sampleValueOf(f.type, f.name)]),
      );
    }
    switch (getNamedType(inner).name) {
      case 'Int':
        return 100;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'Money':
        return '1';
      case 'DateTimeISO':
        return new Date().toISOString();
      default:
        return name === 'first' || name === 'last' ? 100 : '00000000-0000-4000-8000-000000000000';
    }
  };
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    for (const v of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, v.type as never) as GraphQLInputType;
      variables[v.variable.name.value] = sampleValueOf(type, v.variable.name.value);
    }
  }
  return variables;
}
