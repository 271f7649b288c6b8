import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { Role, type Viewer } from '../../auth/viewer';
import { claimVersion } from '../../db/optimistic';
import { findPage, type PageArgs } from '../../db/pagination';
import { badInput, conflict, forbidden, notFound } from '../../errors';
import type { Outbox, Tx } from '../../events/outbox';
import { type EventsOf, type NewEvent, type PayloadBeyond, streams, type Topic, topics } from '../../events/vocabulary';
import { CASE_ASSIGNEE_ROLES } from '../../policy/case-assignment';
import { assertAllowed, canGlobally, canGrantRoles, canOnUser, userListScope } from '../../policy/abilities';
import { Agency, AgencyKind } from '../agencies/agency.entity';
import { emitAgency } from '../agencies/agencies.surface';
import { User } from './user.entity';

export interface UserFilter {
  agencyId?: string | null;
  search?: string | null;
  includeInactive?: boolean | null;
  /** Only those the policy lets be a case's assigned officer (policy/case-assignment.ts). */
  mayBeAssignedCases?: boolean | null;
}

export interface NewUserInput {
  agencyId: string;
  username: string;
  fullName: string;
  roles: Role[];
  password: string;
  phone?: string | null;
}

export interface UserPatch {
  id: string;
  version: number;
  fullName?: string | null;
  roles?: Role[] | null;
  phone?: string | null;
  /** Moves the user to another active agency (a transfer): only where the viewer may create users in it. */
  agencyId?: string | null;
}

/** The agency the first system administrator belongs to (created by `createFirstAdmin`). */
export const OPERATOR_AGENCY_CODE = 'QUAN-TRI-HE-THONG';

/** The password rule of every account (the same as the GraphQL inputs'). */
export function assertStrongPassword(password: string): void {
  if (!/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{10,128}$/.test(password))
    throw badInput(
      'Mật khẩu dài 10–128 ký tự, có chữ hoa, chữ thường và chữ số. / The password needs 10–128 characters with upper case, lower case and a digit.',
      {
        field: 'password',
      },
    );
}

/** Events about a user go to the user, their agency, and every instance's session registry. */
const userTopics = (user: { id: string; agency: { id: string } }): Topic[] => [
  topics.user(user.id),
  topics.agency(user.agency.id),
  topics.sessions,
];

/**
 * User accounts. System admins manage everyone; agency admins manage their own agency's users only;
 * other officials see their own agency's colleagues. Deactivation bumps tokenVersion, so the next
 * request with an old token fails and every instance closes the user's sockets on the event.
 */
export class UserService {
  constructor(private readonly outbox: Outbox) {}

  /** Users the viewer may see: their own agency, or any for system admins. */
  list(em: EntityManager, viewer: Viewer, filter: UserFilter, page: PageArgs) {
    const scope = userListScope(viewer);
    if (filter.agencyId && scope !== null && filter.agencyId !== scope)
      throw forbidden('Bạn chỉ xem được danh sách cán bộ của cơ quan mình.');
    const where: Record<string, unknown> = { agency: scope ?? filter.agencyId ?? undefined };
    if (where.agency === undefined) delete where.agency;
    if (!filter.includeInactive) where.active = true;
    // The policy's rule as a condition on the roles column (text[] && …), so the page stays bounded.
    if (filter.mayBeAssignedCases) where.roles = { $overlap: [...CASE_ASSIGNEE_ROLES] };
    if (filter.search?.trim())
      where.$or = [{ fullName: { $ilike: `%${filter.search.trim()}%` } }, { username: { $ilike: `%${filter.search.trim()}%` } }];
    return findPage(em, User, where, { fullName: 'asc', id: 'asc' }, page);
  }

  /** One user, if the viewer may see them (same rule as `list`). */
  async get(em: EntityManager, viewer: Viewer, id: string): Promise<User> {
    const user = await em.findOne(User, { id });
    if (!user || !canOnUser(viewer, 'user.read', { id: user.id, agencyId: user.agency.id })) throw notFound('cán bộ');
    return user;
  }

  async create(em: EntityManager, viewer: Viewer, input: NewUserInput): Promise<User> {
    assertAllowed(
      canGlobally(viewer, 'user.manage') && canOnUser(viewer, 'user.update', { id: '', agencyId: input.agencyId }),
      'tạo tài khoản cho cơ quan này',
    );
    this.assertMayGrant(viewer, input.roles);
    const passwordHash = await hashPassword(input.password);
    return this.outbox.transaction(em, async (tx) => {
      const username = input.username.trim().toLowerCase();
      if (await tx.em.count(User, { username }))
        throw conflict(`Tên đăng nhập "${username}" đã được dùng; hãy chọn tên khác.`, { field: 'username' });
      const agency = await tx.em.findOne(Agency, { id: input.agencyId, active: true });
      if (!agency) throw notFound('cơ quan', { field: 'agencyId' });
      const user = tx.em.create(User, {
        username,
        fullName: input.fullName.trim(),
        agency,
        roles: dedupe(input.roles),
        passwordHash,
        phone: input.phone?.trim() || null,
      });
      await tx.em.flush();
      await this.emit(tx, viewer, 'user.created', user, { username, roles: user.roles });
      return user;
    });
  }

  async update(em: EntityManager, viewer: Viewer, patch: UserPatch): Promise<User> {
    return this.outbox.transaction(em, async (tx) => {
      const user = await this.mustFindManageable(tx.em, viewer, patch.id, 'user.update');
      if (patch.roles) this.assertMayGrant(viewer, patch.roles);
      await claimVersion(tx.em, User, patch.id, patch.version, 'tài khoản');
      await tx.em.refresh(user);
      const changes: Record<string, unknown> = {};
      if (patch.fullName != null && patch.fullName.trim() !== user.fullName) user.fullName = changes.fullName = patch.fullName.trim();
      if (patch.roles) {
        const roles = dedupe(patch.roles);
        if (roles.join() !== user.roles.join()) {
          user.roles = roles;
          changes.roles = roles;
          // Role changes alter abilities: void outstanding tokens so they take effect at once.
          user.tokenVersion += 1;
        }
      }
      if (patch.phone !== undefined) {
        user.phone = patch.phone?.trim() || null;
        changes.phone = 'changed'; // never copy personal data into the log
      }
      if (patch.agencyId != null && patch.agencyId !== user.agency.id) {
        // A transfer: the viewer must be allowed to create users in the new agency as well.
        assertAllowed(canOnUser(viewer, 'user.update', { id: '', agencyId: patch.agencyId }), 'chuyển tài khoản sang cơ quan này');
        const agency = await tx.em.findOne(Agency, { id: patch.agencyId, active: true });
        if (!agency) throw notFound('cơ quan', { field: 'agencyId' });
        changes.agencyId = agency.id;
        user.agency = agency;
        // The agency decides which cases the user sees: void outstanding tokens and close sockets at once.
        user.tokenVersion += 1;
      }
      await tx.em.flush();
      await this.emit(tx, viewer, 'user.updated', user, { changes });
      return user;
    });
  }

  /** Deactivates at once: tokens stop working, sessions are revoked, sockets close. */
  async setActive(em: EntityManager, viewer: Viewer, id: string, active: boolean): Promise<User> {
    return this.outbox.transaction(em, async (tx) => {
      const user = await this.mustFindManageable(tx.em, viewer, id, active ? 'user.update' : 'user.deactivate');
      if (user.active === active) return user;
      user.active = active;
      user.tokenVersion += 1;
      user.version += 1;
      await tx.em.flush();
      if (!active) await tx.em.execute('update auth_session set revoked_at = now() where user_id = ? and revoked_at is null', [user.id]);
      await this.emit(tx, viewer, active ? 'user.reactivated' : 'user.deactivated', user, {});
      return user;
    });
  }

  /** The signed-in user changes their own password; other sessions end. */
  async changeOwnPassword(em: EntityManager, viewer: Viewer, current: string, next: string): Promise<boolean> {
    const user = await em.findOne(User, { id: viewer.userId }, { populate: ['passwordHash'] });
    if (!user || !(await verifyPassword(user.passwordHash, current)))
      throw badInput('Mật khẩu hiện tại không đúng.', { field: 'currentPassword' });
    if (current === next) throw badInput('Mật khẩu mới phải khác mật khẩu hiện tại.', { field: 'newPassword' });
    const hash = await hashPassword(next);
    await this.outbox.transaction(em, async (tx) => {
      const fresh = await tx.em.findOneOrFail(User, { id: viewer.userId });
      fresh.passwordHash = hash;
      fresh.tokenVersion += 1;
      await tx.em.flush();
      await tx.em.execute('update auth_session set revoked_at = now() where user_id = ? and revoked_at is null', [fresh.id]);
      await this.emit(tx, viewer, 'user.passwordChanged', fresh, {});
    });
    return true;
  }

  /**
   * An administrator sets a new password for an account they manage (a forgotten password): the
   * user's tokens are voided, refresh sessions revoked and sockets closed (the event is on `sessions`).
   */
  async resetPassword(em: EntityManager, viewer: Viewer, id: string, newPassword: string): Promise<User> {
    const hash = await hashPassword(newPassword);
    return this.outbox.transaction(em, async (tx) => {
      const user = await this.mustFindManageable(tx.em, viewer, id, 'user.update');
      if (user.id === viewer.userId) throw badInput('Hãy đổi mật khẩu của chính bạn bằng "Đổi mật khẩu" (cần mật khẩu hiện tại).');
      user.passwordHash = hash;
      user.tokenVersion += 1;
      user.version += 1;
      await tx.em.flush();
      await tx.em.execute('update auth_session set revoked_at = now() where user_id = ? and revoked_at is null', [user.id]);
      await this.emit(tx, viewer, 'user.passwordReset', user, {});
      return user;
    });
  }

  /**
   * The first system administrator of an empty production database (the admin CLI's `create-admin`:
   * whoever runs it has the database itself, so there is no viewer and the events name no actor).
   * Creates the operators' own agency (OPERATOR_AGENCY_CODE, kind OTHER) if missing. Refuses with
   * CONFLICT when an active system administrator exists, unless `force` (a lost last password).
   */
  async createFirstAdmin(
    em: EntityManager,
    input: { username: string; fullName: string; password: string },
    options: { force?: boolean } = {},
  ): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9._-]{3,64}$/.test(username))
      throw badInput('Tên đăng nhập gồm 3–64 chữ cái không dấu, chữ số, ".", "-" hoặc "_".', { field: 'username' });
    if (input.fullName.trim().length < 2) throw badInput('Họ tên dài từ 2 đến 200 ký tự.', { field: 'fullName' });
    assertStrongPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    return this.outbox.transaction(em, async (tx) => {
      // One bootstrap at a time: two racing commands must not both see "no administrator yet".
      await tx.em.execute(`select pg_advisory_xact_lock(hashtext('phoihop:create-admin'))`);
      const [{ n }] = await tx.em.execute<{ n: number }[]>(
        `select count(*)::int as n from app_user where active and 'SYSTEM_ADMIN' = any(roles)`,
      );
      if (n > 0 && !options.force)
        throw conflict(
          `Đã có ${n} quản trị hệ thống đang hoạt động; dùng --force nếu thật sự cần thêm một tài khoản. / ${n} active system administrator(s) exist; add --force to create another.`,
        );
      if (await tx.em.count(User, { username }))
        throw conflict(`Tên đăng nhập "${username}" đã được dùng; hãy chọn tên khác.`, { field: 'username' });
      let agency = await tx.em.findOne(Agency, { code: OPERATOR_AGENCY_CODE });
      if (!agency) {
        agency = tx.em.create(Agency, { code: OPERATOR_AGENCY_CODE, name: 'Quản trị hệ thống Phối Hợp', kind: AgencyKind.OTHER });
        await tx.em.flush();
        await emitAgency(tx, null, agency, 'agency.created', {
          code: agency.code,
          name: agency.name,
          kind: agency.kind,
          coveredAreaIds: [],
        });
      }
      const user = tx.em.create(User, { username, fullName: input.fullName.trim(), agency, roles: [Role.SYSTEM_ADMIN], passwordHash });
      await tx.em.flush();
      await tx.emit({
        type: 'user.created',
        stream: streams.user(user.id),
        actorId: null,
        topics: userTopics(user),
        payload: { userId: user.id, agencyId: agency.id, username, roles: user.roles },
      });
      return user;
    });
  }

  /**
   * A password reset by the operator (the admin CLI's `reset-password`, e.g. the last administrator's
   * lost password): new hash, every session and live connection ends at once (token version, revoked
   * sessions, `user.passwordReset` on the sessions topic), no actor.
   */
  async operatorResetPassword(em: EntityManager, username: string, newPassword: string): Promise<User> {
    assertStrongPassword(newPassword);
    const hash = await hashPassword(newPassword);
    return this.outbox.transaction(em, async (tx) => {
      const user = await tx.em.findOne(User, { username: username.trim().toLowerCase() });
      if (!user) throw notFound(`tài khoản "${username}"`, { field: 'username' });
      user.passwordHash = hash;
      user.tokenVersion += 1;
      user.version += 1;
      await tx.em.flush();
      await tx.em.execute('update auth_session set revoked_at = now() where user_id = ? and revoked_at is null', [user.id]);
      await tx.emit({
        type: 'user.passwordReset',
        stream: streams.user(user.id),
        actorId: null,
        topics: userTopics(user),
        payload: { userId: user.id, agencyId: user.agency.id },
      });
      return user;
    });
  }

  private async mustFindManageable(
    em: EntityManager,
    viewer: Viewer,
    id: string,
    ability: 'user.update' | 'user.deactivate',
  ): Promise<User> {
    const user = await em.findOne(User, { id });
    // Someone who cannot see the user gets NOT_FOUND, not a hint that the account exists.
    if (!user || !canOnUser(viewer, 'user.read', { id: user.id, agencyId: user.agency.id })) throw notFound('cán bộ');
    if (ability === 'user.deactivate' && user.id === viewer.userId) throw badInput('Bạn không thể tự vô hiệu hóa tài khoản của mình.');
    assertAllowed(canOnUser(viewer, ability, { id: user.id, agencyId: user.agency.id }), 'quản lý tài khoản này');
    return user;
  }

  /** Only system admins can hand out SYSTEM_ADMIN; nobody grants a role list that is empty. */
  private assertMayGrant(viewer: Viewer, roles: Role[]): void {
    if (roles.length === 0) throw badInput('Tài khoản phải có ít nhất một vai trò.', { field: 'roles' });
    if (!canGrantRoles(viewer, roles)) throw forbidden('Chỉ quản trị hệ thống mới cấp được vai trò quản trị hệ thống.');
  }

  private emit<T extends EventsOf<'user'>>(tx: Tx, viewer: Viewer, type: T, user: User, payload: PayloadBeyond<T, 'userId' | 'agencyId'>) {
    return tx.emit({
      type,
      stream: streams.user(user.id),
      actorId: viewer.userId,
      topics: userTopics(user),
      payload: { userId: user.id, agencyId: user.agency.id, ...payload },
    } as NewEvent);
  }
}

const dedupe = <T>(xs: T[]): T[] => [...new Set(xs)].sort() as T[];
