import { Client } from 'pg';

/**
 * The two database roles (docs/SECURITY.md "Database roles"):
 * - the **owner** owns the schema and every table; migrations, backups and restores run as it
 *   (DATABASE_MIGRATION_URL; in the embedded default `phoihop_owner`, a plain role that owns the
 *   database, its schema and objects — no superuser: the cluster's bootstrap role only creates the roles);
 * - the **app role** (DATABASE_URL; `phoihop_app` in the embedded default) is what the server runs
 *   as: no superuser, no BYPASSRLS, no CREATE on the schema (no DDL), owner of nothing (so it cannot
 *   ALTER … DISABLE TRIGGER), cannot SET session_replication_role, and holds no UPDATE, DELETE or
 *   TRUNCATE on the event log, its delivery order or the audit checkpoints. The one legitimate
 *   deletion of events (retention) goes through the SECURITY DEFINER function `prune_events_before`.
 */

/** Name of the app role the embedded default creates. */
export const EMBEDDED_APP_ROLE = 'phoihop_app';

/** Name of the owner role the embedded default creates (owns the database; not a superuser). */
export const EMBEDDED_OWNER_ROLE = 'phoihop_owner';

/** Tables the app role may only read and append to (append-only by privilege as well as by trigger). */
export const APPEND_ONLY_TABLES = ['event', 'event_position', 'audit_checkpoint'] as const;

/** Columns of event_stream the app may update (the head moves); pruned_seq/pruned_hash move only in prune_events_before. */
const EVENT_STREAM_UPDATABLE = ['last_seq', 'last_hash'] as const;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The role name of a postgres:// URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** `url` with other credentials. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * Creates the app role as a plain login role if missing, or resets it to one (password included):
 * NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS. Run by a role that may create roles.
 */
export async function ensureAppRole(admin: Client, role: string, password: string): Promise<void> {
  const attributes = 'login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit';
  const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = exists.rowCount ? 'alter' : 'create';
  await admin.query(`${verb} role ${quoteIdent(role)} with ${attributes} password ${quoteLiteral(password)}`);
}

/**
 * Creates the embedded default's owner role if missing, or resets it (password included) to a plain
 * login role: NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS. It gets its rights by
 * owning the database and its objects (`transferOwnership`), not by attributes.
 */
export async function ensureOwnerRole(admin: Client, role: string, password: string): Promise<void> {
  const attributes = 'login nosuperuser nocreatedb nocreaterole noreplication nobypassrls';
  const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = exists.rowCount ? 'alter' : 'create';
  await admin.query(`${verb} role ${quoteIdent(role)} with ${attributes} password ${quoteLiteral(password)}`);
}

/**
 * Statements (run by a superuser connected to the database) that hand the database, its `public`
 * schema and every table, view, sequence, function and type in it to `owner`. Idempotent: a data
 * folder of an older version, whose objects the bootstrap superuser owns, is converted at its next
 * start; on a current one it changes nothing. Tables first (their indexes and column sequences
 * follow), then what is left.
 */
export function transferOwnershipStatements(owner: string): string[] {
  const role = quoteIdent(owner);
  const literal = quoteLiteral(owner);
  return [
    `do $$ begin execute format('alter database %I owner to ${role.replace(/'/g, "''")}', current_database()); end $$`,
    `alter schema public owner to ${role}`,
    `do $$ declare r record; begin
       for r in select c.oid::regclass as name from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                   and c.relowner <> ${literal}::regrole loop
         execute format('alter table %s owner to %I', r.name, ${literal});
       end loop;
       for r in select c.oid::regclass as name from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and c.relowner <> ${literal}::regrole loop
         execute format('alter sequence %s owner to %I', r.name, ${literal});
       end loop;
       for r in select p.oid::regprocedure as name from pg_proc p
                 where p.pronamespace = 'public'::regnamespace and p.proowner <> ${literal}::regrole loop
         execute format('alter routine %s owner to %I', r.name, ${literal});
       end loop;
       for r in select t.oid::regtype as name from pg_type t
                 where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'r') and t.typowner <> ${literal}::regrole loop
         execute format('alter type %s owner to %I', r.name, ${literal});
       end loop;
     end $$`,
  ];
}

/**
 * The grants of the app role, as statements the owner runs in the app's database. Idempotent (every
 * start applies them again, after migrations), so tables added by a later migration are covered; the
 * default privileges also cover tables the owner creates in between.
 */
export function appRoleGrantStatements(appRole: string): string[] {
  const app = quoteIdent(appRole);
  const appendOnly = APPEND_ONLY_TABLES.map(quoteIdent).join(', ');
  return [
    // No DDL: no CREATE on the schema or the database, no temporary tables.
    `revoke create on schema public from public, ${app}`,
    `grant usage on schema public to ${app}`,
    `do $$ begin
       execute format('revoke create, temporary on database %I from public, ${app.replace(/'/g, "''")}', current_database());
       execute format('grant connect on database %I to ${app.replace(/'/g, "''")}', current_database());
     end $$`,
    // Ordinary tables: read and write rows, never TRUNCATE, never own.
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `revoke truncate, references, trigger on all tables in schema public from ${app}`,
    `grant usage, select on all sequences in schema public to ${app}`,
    // The log: append and read only.
    `revoke update, delete, truncate on ${appendOnly} from ${app}`,
    `revoke insert, update, delete, truncate on "mikro_orm_migrations" from ${app}`,
    `revoke update on "event_stream" from ${app}`,
    `grant update (${EVENT_STREAM_UPDATABLE.map(quoteIdent).join(', ')}) on "event_stream" to ${app}`,
    // Retention's narrow way past the log's append-only rule (owner-defined, SECURITY DEFINER).
    `revoke all on function "prune_events_before"(timestamptz, integer) from public`,
    `grant execute on function "prune_events_before"(timestamptz, integer) to ${app}`,
    // Tables and sequences a later migration creates (as this owner) get the ordinary grants at once.
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${app}`,
    `alter default privileges in schema public grant usage, select on sequences to ${app}`,
  ];
}

/**
 * Applies the app role's grants in the database of `ownerUrl`, as its owner. Instances starting
 * together take turns on the migration lock (concurrent GRANTs on one catalog row would collide).
 */
export async function applyAppRoleGrants(ownerUrl: string, appRole: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', ['phoihop:migrations']);
    await client.query('begin');
    for (const statement of appRoleGrantStatements(appRole)) await client.query(statement);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

/** What the connected role may do that the app role must not (empty = properly restricted). */
export async function roleExcessPrivileges(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      can_create: boolean;
      owns: number;
      log_writes: boolean;
    }>(
      `select r.rolsuper, r.rolbypassrls,
              has_schema_privilege('public', 'CREATE') as can_create,
              (select count(*)::int from pg_class c where c.relnamespace = 'public'::regnamespace and pg_has_role(c.relowner, 'USAGE')) as owns,
              coalesce((select bool_or(has_table_privilege(t, 'UPDATE') or has_table_privilege(t, 'DELETE') or has_table_privilege(t, 'TRUNCATE'))
                          from unnest(array['public.event', 'public.audit_checkpoint']) t where to_regclass(t) is not null), false) as log_writes
         from pg_roles r where r.rolname = current_user`,
    );
    const r = rows[0];
    const excess: string[] = [];
    if (r.rolsuper) excess.push('superuser');
    if (r.rolbypassrls) excess.push('BYPASSRLS');
    if (r.can_create) excess.push('CREATE on schema public (DDL)');
    if (r.owns > 0) excess.push(`owns ${r.owns} relations (can disable their triggers)`);
    if (r.log_writes) excess.push('UPDATE/DELETE/TRUNCATE on the event log');
    return excess;
  } finally {
    await client.end();
  }
}
