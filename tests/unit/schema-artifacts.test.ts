import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema, printSortedSchema } from '../../server/src/graphql/schema';
import { PROJECT_ROOT, SCHEMA_FILE } from '../../server/src/paths';

describe('committed artifacts', () => {
  it('schema/schema.graphql matches the code-first schema (run npm run schema:emit)', async () => {
    const schema = await createSchema();
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printSortedSchema(schema));
  });

  it('every Query, Mutation and Subscription declares its guard (snapshot)', async () => {
    const schema = await createSchema();
    const lines: string[] = [];
    const unguarded: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root || !isObjectType(root)) continue;
      for (const field of Object.values(root.getFields()).sort((a, b) => a.name.localeCompare(b.name))) {
        const guard = field.extensions?.guard as string | undefined;
        const checks = field.extensions?.checks as string | undefined;
        if (!guard) unguarded.push(`${root.name}.${field.name}`);
        lines.push(`${root.name}.${field.name}: ${guard ?? 'NONE'}${checks ? ` (${checks})` : ''}`);
      }
    }
    expect(unguarded, 'operations without a guard decorator').toEqual([]);
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/operation-guards.txt');
  });

  it('generated client code matches schema and operations (run npm run codegen)', () => {
    // Codegen runs in a child process (its own graphql realm) and returns the files without writing.
    const script = `
      const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
      loadCodegenConfig({ configFilePath: 'codegen.yml' })
        .then(({ config }) => generate({ ...config, cwd: process.cwd(), silent: true }, false))
        .then((files) => process.stdout.write(JSON.stringify(files.map((f) => ({ filename: f.filename, content: f.content })))))
        .catch((e) => { console.error(e); process.exit(1); });`;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const generated = JSON.parse(output.toString()) as Array<{ filename: string; content: string }>;
    expect(generated.length).toBeGreaterThan(0);
    for (const file of generated) {
      const onDisk = join(PROJECT_ROOT, file.filename);
      expect(existsSync(onDisk), `${file.filename} is committed`).toBe(true);
      expect(readFileSync(onDisk, 'utf8'), `${file.filename} is stale`).toBe(file.content);
    }
    // A child process loading codegen: ~10 s idle, past 30 s once on a host shared by several sessions.
  }, 120_000);
});
