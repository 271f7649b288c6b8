import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Role } from '../../server/src/auth/viewer';
import { ALL_EVENT_TYPES } from '../../server/src/events/vocabulary';
import { PROJECT_ROOT } from '../../server/src/paths';

const SERVER_SRC = join(PROJECT_ROOT, 'server', 'src');

/** Every .ts file under `dir`, as [path relative to server/src, text]. */
function sources(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith('.ts')) out.push([relative(SERVER_SRC, path).split('\\').join('/'), readFileSync(path, 'utf8')]);
  }
  return out;
}

/** `file:line: text` for every line of the given sources matching `pattern`. */
function offenders(files: Array<[string, string]>, pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const [file, text] of files) {
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return hits;
}

/**
 * A role check: comparing with a Role member, or asking a role list whether it holds one. Role
 * values as data (the demo accounts, a role list handed to a service) are not checks.
 */
const ROLE_CHECK =
  /(?<![A-Za-z])Role\.[A-Z_]+\s*[!=]==|[!=]==\s*(?<![A-Za-z])Role\.[A-Z_]+|roles\??\.(includes|some|every|indexOf|find|findIndex)\(|\bhasRole\(/;

describe('house rules (source scans)', () => {
  const files = sources(SERVER_SRC);

  it('the scan sees the server source and recognises a role check', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const check of [
      'viewer.roles.includes(Role.SYSTEM_ADMIN)',
      'if (role === Role.PROCURATOR)',
      'Role.AGENCY_HEAD !== r',
      'user.roles?.some((r) => r)',
    ]) {
      expect(ROLE_CHECK.test(check), check).toBe(true);
    }
    for (const data of ['roles: [Role.SYSTEM_ADMIN]', 'p.role === PartyRole.DEBTOR', 'input.role === ParticipantRole.LEAD']) {
      expect(ROLE_CHECK.test(data), data).toBe(false);
    }
  });

  it('no role check outside server/src/policy/', () => {
    const outside = files.filter(([file]) => !file.startsWith('policy/'));
    expect(offenders(outside, ROLE_CHECK)).toEqual([]);
  });

  /** A topic or stream spelled by hand: a `case:${…}`-style template, or a bare topic name in a topics list. */
  const SPELLED_TOPIC = /`(case|agency|user|area):\$\{|topics: \[\s*'|subscribe\(\[\s*'|stream: '[a-z]/;

  it('the scan recognises a topic or stream spelled by hand', () => {
    for (const spelled of ['topics: [`case:${c.id}`]', "topics: ['audit']", "stream: 'system',", "dispatcher.subscribe(['sessions'], f)"]) {
      expect(SPELLED_TOPIC.test(spelled), spelled).toBe(true);
    }
    expect(SPELLED_TOPIC.test('topics: [topics.case(c.id)]')).toBe(false);
  });

  it('no topic or stream is spelled outside the event vocabulary (server/src/events/vocabulary.ts)', () => {
    // The seed writes raw log rows in bulk (its stream names are built like the vocabulary's, checked by the demo tests).
    const outside = files.filter(([file]) => file !== 'events/vocabulary.ts' && !file.startsWith('seed/province-generator'));
    expect(offenders(outside, SPELLED_TOPIC)).toEqual([]);
  });

  /**
   * Module-relative import targets (`modules/<name>/<file>`) of one source file, from every
   * `from '…'` clause (multi-line imports included).
   */
  function moduleImports(file: string, text: string): Array<{ module: string; target: string }> {
    const out: Array<{ module: string; target: string }> = [];
    for (const m of text.matchAll(/from\s+'(\.[^']+)'/g)) {
      const resolved = normalize(join(dirname(file), m[1]))
        .split('\\')
        .join('/');
      const hit = /^modules\/([^/]+)\/(.+)$/.exec(resolved);
      if (hit) out.push({ module: hit[1], target: hit[2] });
    }
    return out;
  }

  /** What a module may import from another: its surface, its entities and its GraphQL types. */
  const PUBLIC_FILE = /(^|\/)[^/]+\.(surface|entity|types|graphql-types)$/;

  /** `file: import` for every import of another module's internals by a module file. */
  function internalImports(sourceFiles: Array<[string, string]>): string[] {
    const hits: string[] = [];
    for (const [file, text] of sourceFiles) {
      const own = /^modules\/([^/]+)\//.exec(file)?.[1];
      if (!own) continue;
      for (const { module, target } of moduleImports(file, text)) {
        if (module === own || PUBLIC_FILE.test(target)) continue;
        hits.push(`${file}: imports modules/${module}/${target}`);
      }
    }
    return hits;
  }

  it("the scan recognises an import of another module's internals", () => {
    const sample: Array<[string, string]> = [
      ['modules/actions/a.ts', "import { CaseService } from '../cases/case.service';"],
      ['modules/actions/b.ts', "import {\n  createTaskIn,\n} from '../tasks/task.service';"],
      [
        'modules/actions/ok.ts',
        "import { CaseStatus } from '../cases/cases.surface';\nimport { Task } from '../tasks/task.entity';\nimport { x } from './action.service';",
      ],
    ];
    expect(internalImports(sample)).toEqual([
      'modules/actions/a.ts: imports modules/cases/case.service',
      'modules/actions/b.ts: imports modules/tasks/task.service',
    ]);
  });

  it('modules reach each other only through their surface (*.surface.ts), entities and GraphQL types', () => {
    expect(internalImports(files)).toEqual([]);
  });

  /** `file: import` for every resolver that imports another resolver (object types live in *.types.ts). */
  function resolverImports(sourceFiles: Array<[string, string]>): string[] {
    return sourceFiles
      .filter(([file]) => file.endsWith('.resolver.ts'))
      .flatMap(([file, text]) => [...text.matchAll(/from\s+'(\.[^']+\.resolver)'/g)].map((m) => `${file}: imports ${m[1]}`));
  }

  it('no resolver imports another resolver (GraphQL types live in *.types.ts)', () => {
    expect(resolverImports([['modules/actions/action.resolver.ts', "import { CaseType } from '../cases/case.resolver';"]])).toEqual([
      'modules/actions/action.resolver.ts: imports ../cases/case.resolver',
    ]);
    expect(resolverImports(files)).toEqual([]);
  });

  /**
   * `file: import` for every resolver that imports from events/ anything but the vocabulary: the log,
   * the outbox and the audit verification are reached through the module's service. The live module
   * is the subscription layer over the log (cursors, replay), so its resolver reads the log directly.
   */
  function resolverEventImports(sourceFiles: Array<[string, string]>): string[] {
    return sourceFiles
      .filter(([file]) => file.endsWith('.resolver.ts') && !file.startsWith('modules/live/'))
      .flatMap(([file, text]) =>
        [...text.matchAll(/from\s+'(\.[^']+)'/g)]
          .map((m) =>
            normalize(join(dirname(file), m[1]))
              .split('\\')
              .join('/'),
          )
          .filter((target) => target.startsWith('events/') && target !== 'events/vocabulary')
          .map((target) => `${file}: imports ${target}`),
      );
  }

  it('no resolver reaches into events/ except for the vocabulary (services own the log)', () => {
    expect(
      resolverEventImports([
        ['modules/system/system.resolver.ts', "import { verifyAuditChain } from '../../events/event-log';"],
        ['modules/threads/thread.resolver.ts', "import { isEvent } from '../../events/vocabulary';"],
        ['modules/live/live.resolver.ts', "import { liveFeed } from '../../events/live-feed';"],
      ]),
    ).toEqual(['modules/system/system.resolver.ts: imports events/event-log']);
    expect(resolverEventImports(files)).toEqual([]);
  });
});

const CLIENT_SRC = join(PROJECT_ROOT, 'client', 'src');

/** Every .ts/.tsx file under client/src except generated code, as [path relative to client/src, text]. */
function clientSources(dir = CLIENT_SRC): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const file = relative(CLIENT_SRC, path).split('\\').join('/');
    if (file === 'gql') continue;
    if (statSync(path).isDirectory()) out.push(...clientSources(path));
    else if (/\.tsx?$/.test(name)) out.push([file, readFileSync(path, 'utf8')]);
  }
  return out;
}

/**
 * A role check in the client: a role literal compared or looked up ('ENFORCEMENT_OFFICER' with ===, !==,
 * includes(…), indexOf(…), case), or asking a role list whether it holds something. What the client may
 * show comes from the server (viewerCan, abilities, policy-filtered lists); role values as data (the
 * role editor's list of roles, label maps) are not checks.
 */
const ROLE_LITERAL = `['"\`](?:${Object.values(Role).join('|')})['"\`]`;
const CLIENT_ROLE_CHECK = new RegExp(
  [
    `[!=]==?\\s*${ROLE_LITERAL}`,
    `${ROLE_LITERAL}\\s*[!=]==?`,
    `\\.(?:includes|indexOf|has)\\(\\s*${ROLE_LITERAL}`,
    `\\bcase\\s+${ROLE_LITERAL}\\s*:`,
    `roles\\??\\.(?:includes|some|every|indexOf|find|findIndex|filter)\\(`,
  ].join('|'),
);

describe('house rules: the client decides nothing by role', () => {
  const files = clientSources();

  it('the scan sees the client source and recognises a role check', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.some(([file]) => file.startsWith('gql/'))).toBe(false);
    for (const check of [
      "u.roles?.includes('ENFORCEMENT_OFFICER')",
      "if (role === 'SYSTEM_ADMIN')",
      '"AGENCY_HEAD" !== r',
      "new Set(me.roles).has('PROCURATOR')",
      "case 'AGENCY_ADMIN':",
      'me.roles.some((r) => r)',
    ]) {
      expect(CLIENT_ROLE_CHECK.test(check), check).toBe(true);
    }
    for (const data of [
      "const ROLES: Role[] = ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'];",
      "'role.SYSTEM_ADMIN': 'Quản trị hệ thống',",
      "p.role === 'LEAD'",
      "kind === 'PAY_MONEY'",
      'checked.includes(value)',
    ]) {
      expect(CLIENT_ROLE_CHECK.test(data), data).toBe(false);
    }
  });

  it('no role check in client/src (outside generated code)', () => {
    expect(offenders(files, CLIENT_ROLE_CHECK)).toEqual([]);
  });

  it('no event type spelled in client/src: live events are typed by the generated EventKind', () => {
    // A dotted log type in quotes ('case.shared') would be a string the compiler cannot check.
    const spelled = new RegExp(`['"\`](?:${ALL_EVENT_TYPES.map((type) => type.replace('.', '\\.')).join('|')})['"\`]`);
    expect(spelled.test("if (event.type === 'case.shared')")).toBe(true);
    expect(spelled.test("'case.heading': 'Hồ sơ'")).toBe(false);
    expect(offenders(files, spelled)).toEqual([]);
  });
});
