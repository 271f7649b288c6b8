/**
 * Administration screens: user accounts, agencies and administrative areas. Which of them a viewer
 * gets is the server's answer (`viewerCan`); each call is checked again by the API, so an agency
 * admin who opens the users page sees and manages only their own agency. Lists page by cursor.
 */
import { useId, useState, type ReactNode } from 'react';
import { mutate, useQuery } from '../../data';
import { errorText } from '../../errors';
import { graphql } from '../../gql';
import type {
  AdminAgencyRowFieldsFragment,
  AdminAreaRowFieldsFragment,
  AgencyKind,
  AreaKind,
  NextPageFieldsFragment,
  Role,
} from '../../gql/graphql';
import { agencyKindLabel, roleLabel, type MessageKey, useT } from '../../i18n';
import { SelectField, TextField } from '../../components/FormFields';

/** The cache tag of the administration lists (a change refetches them). */
const ADMIN_TAG = 'admin';
const PAGE = 20;

export const adminUsersQuery = graphql(`
  query AdminUsers($first: Int, $after: String, $filter: UserFilterInput) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...NextPageFields
      }
      edges {
        node {
          id
          username
          fullName
          roles
          active
          version
          agency {
            id
            name
          }
          viewerCan {
            update
            deactivate
          }
        }
      }
    }
  }
`);

export const updateUserRolesMutation = graphql(`
  mutation UpdateUserRoles($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      version
      roles
      agency {
        id
        name
      }
    }
  }
`);

/** An agency as its row in the list shows it (and as the user and agency forms offer it). */
export const adminAgencyRowFields = graphql(`
  fragment AdminAgencyRowFields on Agency {
    id
    code
    name
    kind
    active
    version
    coveredAreas {
      id
      name
    }
  }
`);

export const adminAgenciesQuery = graphql(`
  query AdminAgencies($first: Int, $after: String, $filter: AgencyFilterInput) {
    agencies(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...NextPageFields
      }
      edges {
        node {
          ...AdminAgencyRowFields
        }
      }
    }
  }
`);

/** An administrative area as its row in the list shows it (and as the province choice offers it). */
export const adminAreaRowFields = graphql(`
  fragment AdminAreaRowFields on Area {
    id
    code
    name
    kind
    active
    parent {
      id
      name
    }
  }
`);

export const adminAreasQuery = graphql(`
  query AdminAreas($first: Int, $after: String, $filter: AreaFilterInput) {
    areas(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...NextPageFields
      }
      edges {
        node {
          ...AdminAreaRowFields
        }
      }
    }
  }
`);

const ROLES: Role[] = ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD', 'OFFICER', 'PROCURATOR', 'STEERING_MEMBER', 'AGENCY_ADMIN', 'SYSTEM_ADMIN'];
const AGENCY_KINDS: AgencyKind[] = [
  'ENFORCEMENT_OFFICE',
  'PEOPLES_COMMITTEE',
  'POLICE',
  'PROCURACY',
  'COURT',
  'STEERING_COMMITTEE',
  'BANK',
  'MASS_ORGANISATION',
  'OTHER',
];

/** Runs a mutation, refreshes the admin lists and reports the outcome in the form. */
function useAction() {
  const t = useT();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>, okKey: MessageKey): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      setMessage({ kind: 'ok', text: t(okKey) });
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t) });
      return false;
    } finally {
      setBusy(false);
    }
  }
  const view = message && (
    <p className={message.kind === 'error' ? 'alert alert--error' : 'alert alert--ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
  return { run, busy, view };
}

type Action = ReturnType<typeof useAction>;

/** A list's paging: the cursors of the pages seen so far, for "next" and "previous". */
function usePaging() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1];
  return {
    after,
    next: (end: string | null | undefined) => end && setCursors((cs) => [...cs, end]),
    previous: () => setCursors((cs) => (cs.length > 1 ? cs.slice(0, -1) : cs)),
    reset: () => setCursors([null]),
    /** `set`, then back to the first page (a changed filter). */
    resetting:
      <T,>(set: (value: T) => void) =>
      (value: T) => {
        set(value);
        setCursors([null]);
      },
    first: cursors.length === 1,
  };
}

function Pager({ paging, pageInfo }: { paging: ReturnType<typeof usePaging>; pageInfo: NextPageFieldsFragment | undefined }) {
  const t = useT();
  return (
    <p className="pager">
      <button type="button" className="button button--secondary button--small" disabled={paging.first} onClick={paging.previous}>
        {t('admin.previous')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!pageInfo?.hasNextPage}
        onClick={() => paging.next(pageInfo?.endCursor)}
      >
        {t('admin.next')}
      </button>
    </p>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The card of a "create" form: the fields, the outcome of the last try and the submit button.
 * `send` runs the mutation; after a success `onCreated` empties the fields for the next one.
 */
function CreateForm({
  title,
  submit,
  send,
  okKey,
  onCreated,
  children,
}: {
  title: string;
  submit: string;
  send: () => Promise<unknown>;
  okKey: MessageKey;
  onCreated: () => void;
  children: ReactNode;
}) {
  const action = useAction();
  return (
    <Card title={title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await action.run(send, okKey)) onCreated();
        }}
      >
        {children}
        {action.view}
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {submit}
        </button>
      </form>
    </Card>
  );
}

/** The card of a paged list: its filter, the outcome of the last change made from a row, the rows, the pager. */
function ListCard({
  title,
  filter,
  action,
  paging,
  pageInfo,
  children,
}: {
  title: string;
  filter: ReactNode;
  action: Action;
  paging: ReturnType<typeof usePaging>;
  pageInfo: NextPageFieldsFragment | undefined;
  children: ReactNode;
}) {
  return (
    <Card title={title}>
      {filter}
      {action.view}
      <ul className="card-list">{children}</ul>
      <Pager paging={paging} pageInfo={pageInfo} />
    </Card>
  );
}

/** The first line of a row: name, (code), what it is, `children`, and the "inactive" badge. */
function RowHead({
  name,
  code,
  what,
  inactive,
  children,
}: {
  name: string;
  code: string | null;
  what: string;
  inactive: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <p>
      <strong>{name}</strong> <span className="muted">({code})</span> · {what}
      {children}
      {inactive && <span className="badge badge--danger"> {t('admin.inactive')}</span>}
    </p>
  );
}

/** A small secondary button of a row that sends a change (disabled while one is being sent). */
function RowButton({
  action,
  send,
  okKey,
  children,
}: {
  action: Action;
  send: () => Promise<unknown>;
  okKey: MessageKey;
  children: ReactNode;
}) {
  return (
    <button type="button" className="button button--secondary button--small" disabled={action.busy} onClick={() => action.run(send, okKey)}>
      {children}
    </button>
  );
}

/** The button that deactivates an active agency or area, or activates it again. */
function ActiveToggle({ action, name, active, send }: { action: Action; name: string; active: boolean; send: () => Promise<unknown> }) {
  const t = useT();
  return (
    <RowButton action={action} send={send} okKey="admin.saved">
      {t(active ? 'admin.deactivate' : 'admin.activate', { name })}
    </RowButton>
  );
}

/** A labelled group of checkboxes choosing several values (roles, covered areas). */
function CheckboxGroup<T extends string>({
  legend,
  options,
  checked,
  onChange,
}: {
  legend: string;
  options: Array<{ value: T; label: string }>;
  checked: T[];
  onChange: (values: T[]) => void;
}) {
  const legendId = useId();
  return (
    <fieldset className="checkbox-group" aria-labelledby={legendId}>
      <legend id={legendId}>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            checked={checked.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...checked, o.value] : checked.filter((x) => x !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Agencies to choose from in the user and agency forms (first page, by name). */
function useAgencyChoices() {
  return useQuery(adminAgenciesQuery, { first: 100 }, [ADMIN_TAG]).data?.agencies.edges.map((e) => e.node) ?? [];
}

const deactivateUserMutation = graphql(`
  mutation AdminDeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);
const reactivateUserMutation = graphql(`
  mutation AdminReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      active
    }
  }
`);
const resetPasswordMutation = graphql(`
  mutation AdminResetPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      id
    }
  }
`);

/** User accounts: create, deactivate / reactivate, reset a password. */
export function AdminUsersPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const paging = usePaging();
  const list = useQuery(adminUsersQuery, { first: PAGE, after: paging.after, filter: { search: search || null, includeInactive: true } }, [
    ADMIN_TAG,
  ]);
  const agencies = useAgencyChoices();
  const action = useAction();
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');
  // The user whose roles and agency are being edited, and what is chosen so far.
  const [rolesFor, setRolesFor] = useState<{ id: string; roles: Role[]; agencyId: string } | null>(null);
  const users = list.data?.users;

  return (
    <div className="admin">
      <h1>{t('admin.users.heading')}</h1>
      <NewUserForm agencies={agencies} />
      <ListCard
        title={t('admin.users.list', { count: users?.totalCount ?? 0 })}
        filter={<TextField label={t('admin.search')} value={search} onChange={paging.resetting(setSearch)} />}
        action={action}
        paging={paging}
        pageInfo={users?.pageInfo}
      >
        {users?.edges.map(({ node: u }) => (
          <li key={u.id} className="admin-row">
            <RowHead name={u.fullName} code={u.username} what={u.agency.name} inactive={u.active === false} />
            <p className="muted">{(u.roles ?? []).map((r) => roleLabel(t, r)).join(', ')}</p>
            <p className="admin-row__actions">
              {u.viewerCan.deactivate && u.active && (
                <RowButton
                  action={action}
                  send={() => mutate(deactivateUserMutation, { id: u.id }, [ADMIN_TAG])}
                  okKey="admin.users.deactivated"
                >
                  {t('admin.users.deactivate', { name: u.fullName })}
                </RowButton>
              )}
              {u.viewerCan.update && u.active === false && (
                <RowButton
                  action={action}
                  send={() => mutate(reactivateUserMutation, { id: u.id }, [ADMIN_TAG])}
                  okKey="admin.users.reactivated"
                >
                  {t('admin.users.reactivate', { name: u.fullName })}
                </RowButton>
              )}
              {u.viewerCan.update && u.active && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setRolesFor({ id: u.id, roles: [...(u.roles ?? [])], agencyId: u.agency.id })}
                >
                  {t('admin.users.editRoles', { name: u.fullName })}
                </button>
              )}
              {u.viewerCan.deactivate && (
                <button type="button" className="button button--secondary button--small" onClick={() => setResetFor(u.id)}>
                  {t('admin.users.resetPassword', { name: u.fullName })}
                </button>
              )}
            </p>
            {rolesFor?.id === u.id && (
              <form
                aria-label={t('admin.users.editRoles', { name: u.fullName })}
                onSubmit={async (e) => {
                  e.preventDefault();
                  const saved = await action.run(
                    () =>
                      mutate(
                        updateUserRolesMutation,
                        {
                          input: {
                            id: u.id,
                            version: u.version,
                            roles: rolesFor.roles,
                            // Only a real transfer is sent: moving needs the right to manage the new agency too.
                            agencyId: rolesFor.agencyId !== u.agency.id ? rolesFor.agencyId : null,
                          },
                        },
                        [ADMIN_TAG],
                      ),
                    'admin.users.rolesSaved',
                  );
                  if (saved) setRolesFor(null);
                }}
              >
                <CheckboxGroup
                  legend={t('admin.users.roles')}
                  options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                  checked={rolesFor.roles}
                  onChange={(roles) => setRolesFor({ ...rolesFor, roles })}
                />
                {agencies.length > 1 && (
                  <SelectField
                    label={t('admin.users.agency')}
                    value={rolesFor.agencyId}
                    onChange={(agencyId) => setRolesFor({ ...rolesFor, agencyId })}
                    options={agencies.map((a) => ({ value: a.id, label: a.name }))}
                  />
                )}
                <p className="admin-row__actions">
                  <button type="submit" className="button button--small" disabled={action.busy || rolesFor.roles.length === 0}>
                    {t('admin.users.saveRoles')}
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => setRolesFor(null)}>
                    {t('fix.cancel')}
                  </button>
                </p>
              </form>
            )}
            {resetFor === u.id && (
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await action.run(() => mutate(resetPasswordMutation, { id: u.id, newPassword }), 'admin.users.passwordReset')) {
                    setResetFor(null);
                    setNewPassword('');
                  }
                }}
              >
                <TextField
                  label={t('admin.users.newPassword')}
                  hint={t('admin.users.passwordRule')}
                  value={newPassword}
                  onChange={setNewPassword}
                />
                <button type="submit" className="button button--primary button--small" disabled={action.busy}>
                  {t('admin.users.setPassword')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ListCard>
    </div>
  );
}

const createUserMutation = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

function NewUserForm({ agencies }: { agencies: Array<{ id: string; name: string }> }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  return (
    <CreateForm
      title={t('admin.users.create')}
      submit={t('admin.users.createSubmit')}
      send={() =>
        mutate(createUserMutation, { input: { username, fullName, agencyId, roles, password, phone: phone || null } }, [ADMIN_TAG])
      }
      okKey="admin.users.created"
      onCreated={() => {
        setUsername('');
        setFullName('');
        setPassword('');
        setPhone('');
        setRoles([]);
      }}
    >
      <TextField label={t('admin.users.username')} value={username} onChange={setUsername} required />
      <TextField label={t('admin.users.fullName')} value={fullName} onChange={setFullName} required />
      <SelectField
        label={t('admin.users.agency')}
        value={agencyId}
        onChange={setAgencyId}
        empty={t('intake.choose')}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      <CheckboxGroup
        legend={t('admin.users.roles')}
        options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        checked={roles}
        onChange={setRoles}
      />
      <TextField label={t('admin.users.password')} hint={t('admin.users.passwordRule')} value={password} onChange={setPassword} required />
      <TextField label={t('admin.users.phone')} value={phone} onChange={setPhone} inputMode="tel" />
    </CreateForm>
  );
}

const updateAgencyMutation = graphql(`
  mutation AdminUpdateAgency($input: UpdateAgencyInput!) {
    updateAgency(input: $input) {
      id
      active
    }
  }
`);

/** One agency of the list: what it is, the areas it covers, and (de)activating it. */
function AgencyRow({ agency: a, action }: { agency: AdminAgencyRowFieldsFragment; action: Action }) {
  const t = useT();
  return (
    <li className="admin-row">
      <RowHead name={a.name} code={a.code} what={agencyKindLabel(t, a.kind)} inactive={!a.active} />
      <p className="muted">
        {t('admin.agencies.covers')} {a.coveredAreas.map((x) => x.name).join(', ') || '—'}
      </p>
      <ActiveToggle
        action={action}
        name={a.name}
        active={a.active}
        send={() => mutate(updateAgencyMutation, { input: { id: a.id, version: a.version, active: !a.active } }, [ADMIN_TAG])}
      />
    </li>
  );
}

/** Agencies: create with kind, parent and covered areas; activate / deactivate. */
export function AdminAgenciesPage() {
  const t = useT();
  const paging = usePaging();
  const [search, setSearch] = useState('');
  const list = useQuery(
    adminAgenciesQuery,
    { first: PAGE, after: paging.after, filter: { search: search || null, includeInactive: true } },
    [ADMIN_TAG],
  );
  const agencies = list.data?.agencies;
  const action = useAction();
  return (
    <div className="admin">
      <h1>{t('admin.agencies.heading')}</h1>
      <NewAgencyForm />
      <ListCard
        title={t('admin.agencies.list', { count: agencies?.totalCount ?? 0 })}
        filter={<TextField label={t('admin.search')} value={search} onChange={paging.resetting(setSearch)} />}
        action={action}
        paging={paging}
        pageInfo={agencies?.pageInfo}
      >
        {agencies?.edges.map(({ node }) => (
          <AgencyRow key={node.id} agency={node} action={action} />
        ))}
      </ListCard>
    </div>
  );
}

const createAgencyMutation = graphql(`
  mutation AdminCreateAgency($input: CreateAgencyInput!) {
    createAgency(input: $input) {
      id
    }
  }
`);

function NewAgencyForm() {
  const t = useT();
  const agencies = useAgencyChoices();
  const areas = useQuery(adminAreasQuery, { first: 100 }, [ADMIN_TAG]).data?.areas.edges.map((e) => e.node) ?? [];
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AgencyKind>('PEOPLES_COMMITTEE');
  const [parentId, setParentId] = useState('');
  const [covered, setCovered] = useState<string[]>([]);
  return (
    <CreateForm
      title={t('admin.agencies.create')}
      submit={t('admin.agencies.createSubmit')}
      send={() =>
        mutate(createAgencyMutation, { input: { code, name, kind, parentId: parentId || null, coveredAreaIds: covered } }, [ADMIN_TAG])
      }
      okKey="admin.agencies.created"
      onCreated={() => {
        setCode('');
        setName('');
        setCovered([]);
      }}
    >
      <TextField label={t('admin.code')} value={code} onChange={setCode} required />
      <TextField label={t('admin.name')} value={name} onChange={setName} required />
      <SelectField label={t('admin.agencies.kind')} value={kind} onChange={(v) => setKind(v as AgencyKind)}>
        {AGENCY_KINDS.map((k) => (
          <option key={k} value={k}>
            {agencyKindLabel(t, k)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('admin.agencies.parent')}
        value={parentId}
        onChange={setParentId}
        empty={t('admin.none')}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      <CheckboxGroup
        legend={t('admin.agencies.coveredAreas')}
        options={areas.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
        checked={covered}
        onChange={setCovered}
      />
    </CreateForm>
  );
}

const updateAreaMutation = graphql(`
  mutation AdminUpdateArea($input: UpdateAreaInput!) {
    updateArea(input: $input) {
      id
      active
    }
  }
`);

/** One area of the list: its tier and province, and (de)activating it. */
function AreaRow({ area: a, action }: { area: AdminAreaRowFieldsFragment; action: Action }) {
  const t = useT();
  return (
    <li className="admin-row">
      <RowHead name={a.name} code={a.code} what={t(`areaKind.${a.kind}` as MessageKey)} inactive={!a.active}>
        {a.parent && <span className="muted"> · {a.parent.name}</span>}
      </RowHead>
      <ActiveToggle
        action={action}
        name={a.name}
        active={a.active}
        send={() => mutate(updateAreaMutation, { input: { id: a.id, active: !a.active } }, [ADMIN_TAG])}
      />
    </li>
  );
}

/** The two tiers of administrative areas, as options (a filter adds "all"). */
function AreaKindOptions() {
  const t = useT();
  return (
    <>
      <option value="PROVINCE">{t('areaKind.PROVINCE')}</option>
      <option value="COMMUNE">{t('areaKind.COMMUNE')}</option>
    </>
  );
}

/** Administrative areas, two tiers (province → commune) with official codes. */
export function AdminAreasPage() {
  const t = useT();
  const paging = usePaging();
  const [kindFilter, setKindFilter] = useState<AreaKind | ''>('');
  const list = useQuery(adminAreasQuery, { first: PAGE, after: paging.after, filter: { kind: kindFilter || null } }, [ADMIN_TAG]);
  const areas = list.data?.areas;
  const action = useAction();
  return (
    <div className="admin">
      <h1>{t('admin.areas.heading')}</h1>
      <NewAreaForm />
      <ListCard
        title={t('admin.areas.list', { count: areas?.totalCount ?? 0 })}
        filter={
          <SelectField
            label={t('admin.areas.kind')}
            value={kindFilter}
            onChange={paging.resetting((v) => setKindFilter(v as AreaKind | ''))}
          >
            <option value="">{t('admin.all')}</option>
            <AreaKindOptions />
          </SelectField>
        }
        action={action}
        paging={paging}
        pageInfo={areas?.pageInfo}
      >
        {areas?.edges.map(({ node }) => (
          <AreaRow key={node.id} area={node} action={action} />
        ))}
      </ListCard>
    </div>
  );
}

const createAreaMutation = graphql(`
  mutation AdminCreateArea($input: CreateAreaInput!) {
    createArea(input: $input) {
      id
    }
  }
`);

function NewAreaForm() {
  const t = useT();
  const provinces =
    useQuery(adminAreasQuery, { first: 100, filter: { kind: 'PROVINCE' } }, [ADMIN_TAG]).data?.areas.edges.map((e) => e.node) ?? [];
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AreaKind>('COMMUNE');
  const [parentId, setParentId] = useState('');
  return (
    <CreateForm
      title={t('admin.areas.create')}
      submit={t('admin.areas.createSubmit')}
      send={() =>
        mutate(createAreaMutation, { input: { code, name, kind, parentId: kind === 'COMMUNE' ? parentId || null : null } }, [ADMIN_TAG])
      }
      okKey="admin.areas.created"
      onCreated={() => {
        setCode('');
        setName('');
      }}
    >
      <SelectField label={t('admin.areas.kind')} value={kind} onChange={(v) => setKind(v as AreaKind)}>
        <AreaKindOptions />
      </SelectField>
      <TextField
        label={t('admin.areas.code')}
        hint={t('admin.areas.codeHint')}
        value={code}
        onChange={setCode}
        inputMode="numeric"
        required
      />
      <TextField label={t('admin.name')} value={name} onChange={setName} required />
      {kind === 'COMMUNE' && (
        <SelectField
          label={t('admin.areas.province')}
          value={parentId}
          onChange={setParentId}
          empty={t('intake.choose')}
          options={provinces.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
        />
      )}
    </CreateForm>
  );
}
