import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { idempotent } from '../../db/idempotency';
import { claimVersion } from '../../db/optimistic';
import { findPage, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type Page, type PageArgs } from '../../db/pagination';
import { badInput, notFound, ruleViolation } from '../../errors';
import { toPgTextArray } from '../../events/event-log';
import { loadCommitted, type Outbox } from '../../events/outbox';
import { INBOX_EVENT_TYPES, streams, type Topic, topics } from '../../events/vocabulary';
import { agencyCanReadCase, assertAllowed, canOnThread, decideOnPost, type CaseFacts } from '../../policy/abilities';
import { Agency } from '../agencies/agency.entity';
import { caseReadableSql, type SqlFragment, visibleCaseIdsSql } from '../../policy/case-visibility';
import type { CasesInTransaction } from '../cases/cases.surface';
import { User } from '../users/user.entity';
import { Post, PostKind, PostRevision, type AttachmentMeta } from './post.entity';

/**
 * Longest post body accepted, in characters. A thread post is a message, not a document: 10,000
 * characters is several pages of text; longer material goes in an attachment.
 */
export const MAX_POST_BODY_CHARS = 10_000;
/** At most this many people and agencies mentioned in one post. */
export const MAX_MENTIONS = 50;
/** At most this many attachments per post. */
export const MAX_ATTACHMENTS = 10;
/** Largest attachment size recorded (bytes): 200 MB, above any scanned dossier. */
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

/** Who a post names: people and agencies (ids), each list at most MAX_MENTIONS. */
interface Mentions {
  mentionedUserIds?: string[] | null;
  mentionedAgencyIds?: string[] | null;
}

export interface NewPostInput extends Mentions {
  caseId: string;
  kind: PostKind;
  body: string;
  attachments?: AttachmentMeta[] | null;
}

/** An edit of one's own post; the mentions are replaced when given. */
export interface EditPostInput extends Mentions {
  id: string;
  version: number;
  body: string;
}

/** Unread posts of one case for one user. */
export interface CaseUnread {
  caseId: string;
  lastSeq: number;
  lastReadSeq: number;
  unread: number;
}

/**
 * The home page's unread total counts at most this many posts and then says "more" (the badge
 * shows "99+"): past that the exact number changes nothing for the reader, and counting stops after
 * UNREAD_TOTAL_CAP + 1 rows instead of walking every thread of the viewer's office.
 */
export const UNREAD_TOTAL_CAP = 99;

/** The unread total: exact up to UNREAD_TOTAL_CAP; `more` when there are more unread posts than that. */
export interface UnreadTotal {
  total: number;
  more: boolean;
}

/** One item of "what needs my attention", taken from the event log. */
export interface InboxEntry {
  id: string;
  type: string;
  actorId: string | null;
  occurredAt: Date;
  caseId: string;
  payload: Record<string, unknown>;
  /** The viewer has not marked it read. */
  unread: boolean;
}

/** A page of the inbox, with how many of all its items are unread. */
export type InboxPage = Page<InboxEntry> & { unreadCount: number };

/** A case id as text: anything else is not a case (PostgreSQL would reject it as a uuid: a server error). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many inbox items one markInboxRead call may name. */
export const MAX_INBOX_MARKS = 200;

/** Post kinds the API accepts (SYSTEM posts come from services only). */
const KIND_ABILITY = {
  NOTE: 'thread.post',
  REPORT: 'thread.post',
  DIRECTIVE: 'thread.postDirective',
  RECOMMENDATION: 'thread.postRecommendation',
} as const;
const KIND_REFUSAL = {
  NOTE: 'viết vào trao đổi của việc này',
  REPORT: 'gửi báo cáo vào trao đổi của việc này',
  DIRECTIVE: 'ban hành chỉ đạo (chỉ thành viên Ban Chỉ đạo THADS có thẩm quyền đối với việc)',
  RECOMMENDATION: 'đưa ra kiến nghị (chỉ kiểm sát viên của Viện kiểm sát có thẩm quyền kiểm sát việc)',
} as const;

/** A page of a thread, with the viewer's read mark when the page's statement read it (first pages with rows). */
export interface ThreadPage extends Page<Post> {
  viewerReadSeq?: number;
}

/**
 * Case threads: posts with mentions and attachment metadata, edits with history, soft deletion, and
 * per-user read state. Each write appends its event in the same transaction.
 */
export class ThreadService {
  constructor(
    private readonly outbox: Outbox,
    private readonly cases: CasesInTransaction,
  ) {}

  /**
   * Posts on a case's thread, oldest first; page backward with `last`/`before` for the newest. A first
   * page also reads the viewer's read mark on the thread (`viewerReadSeq`) in its own statement: every
   * post's `unread` compares with it, and a reader who wrote none of the posts would otherwise cost the
   * page one more round trip (the bench's sixth case-page statement, issue 18).
   */
  async list(em: EntityManager, viewer: Viewer, caseId: string, page: PageArgs): Promise<ThreadPage> {
    await this.cases.readable(em, viewer, caseId, undefined, 'caseId');
    const posts = await findPage(em, Post, { case: caseId }, { seq: 'asc' }, page, {
      joined: ['author', 'authorAgency'],
      alongside: {
        readSeq: {
          sql: 'select coalesce(max(r.last_read_seq), 0) from thread_read r where r.user_id = ? and r.case_id = ?',
          params: [viewer.userId, caseId],
        },
      },
    });
    const readSeq = posts.alongside?.readSeq;
    return { ...posts, viewerReadSeq: readSeq == null ? undefined : Number(readSeq) };
  }

  /** One post the viewer may read. */
  async get(em: EntityManager, viewer: Viewer, id: string): Promise<Post> {
    const post = await em.findOne(Post, { id });
    if (!post) throw notFound('bài viết');
    await this.cases.readable(em, viewer, post.case.id).catch(() => {
      throw notFound('bài viết');
    });
    return post;
  }

  /** The earlier texts of a post, oldest first (the viewer must be able to read the post). */
  async history(em: EntityManager, viewer: Viewer, postId: string): Promise<PostRevision[]> {
    await this.get(em, viewer, postId);
    return em.find(PostRevision, { post: postId }, { orderBy: { version: 'asc' } });
  }

  /** Writes a post. Who may write which kind is decided by `canOnThread`. */
  async post(em: EntityManager, viewer: Viewer, input: NewPostInput, idempotencyKey?: string | null): Promise<Post> {
    if (input.kind === PostKind.SYSTEM || !(input.kind in KIND_ABILITY)) {
      throw badInput('Bài viết hệ thống do phần mềm tự tạo; hãy chọn loại ghi chú, báo cáo, chỉ đạo hoặc kiến nghị.', { field: 'kind' });
    }
    const kind = input.kind as keyof typeof KIND_ABILITY;
    const body = cleanBody(input.body);
    const attachments = cleanAttachments(input.attachments ?? []);
    const userIds = uniqueIds(input.mentionedUserIds, 'mentionedUserIds');
    const agencyIds = uniqueIds(input.mentionedAgencyIds, 'mentionedAgencyIds');
    // The inserted row, when this call wrote it (an idempotent replay returns the earlier post's id).
    let written: Record<string, unknown> | undefined;
    const postId = await this.outbox.transaction(em, (tx) =>
      idempotent(tx, viewer.userId, { key: idempotencyKey, operation: 'postToThread', input }, async () => {
        // Facts only (lead, participants, commune): the post needs no other column of the case.
        const facts = await this.cases.factsIfReadable(tx.em, viewer, input.caseId, undefined, 'caseId');
        const caseId = input.caseId;
        assertAllowed(canOnThread(viewer, KIND_ABILITY[kind], facts), KIND_REFUSAL[kind]);
        await assertMentionsInCase(tx.em, facts, userIds, agencyIds);
        written = await insertPost(tx.em, {
          id: randomUUID(),
          caseId,
          kind: input.kind,
          authorId: viewer.userId,
          authorAgencyId: viewer.agencyId,
          body,
          userIds,
          agencyIds,
          attachments,
        });
        const post = { id: String(written.id), seq: Number(written.seq) };
        // A directive is addressed to every agency on the case; a recommendation to the lead office.
        const addressed =
          input.kind === PostKind.DIRECTIVE
            ? facts.participantAgencyIds
            : input.kind === PostKind.RECOMMENDATION
              ? [facts.leadAgencyId]
              : [];
        await tx.emit({
          type: 'thread.posted',
          stream: streams.case(caseId),
          actorId: viewer.userId,
          topics: topicsFor(caseId, userIds, [...agencyIds, ...addressed]),
          payload: {
            caseId,
            postId: post.id,
            seq: post.seq,
            kind: input.kind,
            authorAgencyId: viewer.agencyId,
            mentionedUserIds: userIds,
            mentionedAgencyIds: agencyIds,
            attachments: attachments.length,
          },
        });
        return post.id;
      }),
    );
    // The committed row as inserted (`returning *`): no read-back. A replay loads the earlier post.
    if (written && written.id === postId) return em.map(Post, written);
    return loadCommitted(() => em.fork().findOneOrFail(Post, { id: postId }));
  }

  /**
   * Claims the version of the author's post (a stale version is refused with what changed meanwhile)
   * and keeps its current text and mentions as a revision, before an edit or a deletion replaces them.
   */
  private async claimAndKeepRevision(em: EntityManager, viewer: Viewer, post: Post, version: number): Promise<void> {
    await claimVersion(em, Post, post.id, version, 'bài viết', {
      stream: streams.case(post.case.id),
      idKey: 'postId',
      typePrefix: 'thread.post',
    });
    em.create(PostRevision, {
      post,
      version,
      body: post.body,
      mentionedUserIds: post.mentionedUserIds,
      mentionedAgencyIds: post.mentionedAgencyIds,
      replacedBy: em.getReference(User, viewer.userId),
    });
  }

  /** Edits the author's own post; the previous text is kept as a revision. */
  async edit(em: EntityManager, viewer: Viewer, input: EditPostInput): Promise<Post> {
    const body = cleanBody(input.body);
    const newUserIds = input.mentionedUserIds == null ? null : uniqueIds(input.mentionedUserIds, 'mentionedUserIds');
    const newAgencyIds = input.mentionedAgencyIds == null ? null : uniqueIds(input.mentionedAgencyIds, 'mentionedAgencyIds');
    await this.outbox.transaction(em, async (tx) => {
      const { post, facts } = await this.ownPost(tx.em, viewer, input.id, 'sửa');
      await this.claimAndKeepRevision(tx.em, viewer, post, input.version);
      const userIds = newUserIds ?? post.mentionedUserIds;
      const agencyIds = newAgencyIds ?? post.mentionedAgencyIds;
      await assertMentionsInCase(tx.em, facts, userIds, agencyIds);
      // Only people and agencies mentioned by this edit for the first time are told again.
      const addedUsers = userIds.filter((id) => !post.mentionedUserIds.includes(id));
      const addedAgencies = agencyIds.filter((id) => !post.mentionedAgencyIds.includes(id));
      Object.assign(post, {
        body,
        mentionedUserIds: userIds,
        mentionedAgencyIds: agencyIds,
        editedAt: new Date(),
        version: input.version + 1,
      });
      await tx.em.flush();
      await tx.emit({
        type: 'thread.postEdited',
        stream: streams.case(post.case.id),
        actorId: viewer.userId,
        topics: topicsFor(post.case.id, addedUsers, addedAgencies),
        payload: {
          caseId: post.case.id,
          postId: post.id,
          seq: post.seq,
          version: post.version,
          mentionedUserIds: addedUsers,
          mentionedAgencyIds: addedAgencies,
        },
      });
    });
    return loadCommitted(() => em.fork().findOneOrFail(Post, { id: input.id }));
  }

  /**
   * Deletes the author's own post softly: the row stays (the thread keeps its numbering and shows
   * "deleted"), the text moves to a revision for the audit trace, and an event records who and why.
   */
  async delete(em: EntityManager, viewer: Viewer, input: { id: string; version: number; reason?: string | null }): Promise<Post> {
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > 500) throw badInput('Lý do xóa tối đa 500 ký tự.', { field: 'reason' });
    await this.outbox.transaction(em, async (tx) => {
      const { post } = await this.ownPost(tx.em, viewer, input.id, 'xóa');
      await this.claimAndKeepRevision(tx.em, viewer, post, input.version);
      Object.assign(post, {
        body: '',
        deletedAt: new Date(),
        deletedBy: tx.em.getReference(User, viewer.userId),
        deleteReason: reason,
        version: input.version + 1,
      });
      await tx.em.flush();
      await tx.emit({
        type: 'thread.postDeleted',
        stream: streams.case(post.case.id),
        actorId: viewer.userId,
        topics: [topics.case(post.case.id)],
        payload: { caseId: post.case.id, postId: post.id, seq: post.seq, reason },
      });
    });
    return loadCommitted(() => em.fork().findOneOrFail(Post, { id: input.id }));
  }

  private async ownPost(em: EntityManager, viewer: Viewer, id: string, verb: string) {
    const post = await em.findOne(Post, { id });
    if (!post) throw notFound('bài viết');
    const { facts } = await this.cases.readable(em, viewer, post.case.id).catch(() => {
      throw notFound('bài viết');
    });
    const decision = decideOnPost(
      viewer,
      verb === 'sửa' ? 'post.edit' : 'post.delete',
      { authorId: post.author?.id ?? null, deleted: !!post.deletedAt },
      facts,
    );
    assertAllowed(decision !== 'notAuthor', `${verb} bài viết của người khác`);
    if (decision === 'deleted')
      throw ruleViolation('Bài viết đã bị xóa; không thể sửa hoặc xóa lại.', 'Nhật ký trao đổi không sửa sau khi xóa');
    return { post, facts };
  }

  /**
   * Marks the case's thread read up to `upToSeq` (default: everything so far). Cheap and
   * idempotent: one upsert that only ever raises the mark; no event (reading changes nothing shared).
   */
  async markRead(em: EntityManager, viewer: Viewer, caseId: string, upToSeq?: number | null): Promise<CaseUnread> {
    await this.cases.readable(em, viewer, caseId, undefined, 'caseId');
    if (upToSeq != null && (!Number.isInteger(upToSeq) || upToSeq < 0))
      throw badInput('Số thứ tự bài viết không hợp lệ.', { field: 'upToSeq' });
    await em.getConnection().execute(
      `insert into thread_read (id, user_id, case_id, last_read_seq, updated_at)
       select gen_random_uuid(), ?, ?, least(coalesce(?::int, t.last_seq), t.last_seq), now()
         from (select coalesce((select last_seq from case_thread where case_id = ?), 0) as last_seq) t
       on conflict (user_id, case_id) do update
         set last_read_seq = greatest(thread_read.last_read_seq, excluded.last_read_seq),
             updated_at = case when excluded.last_read_seq > thread_read.last_read_seq then now() else thread_read.updated_at end`,
      [viewer.userId, caseId, upToSeq ?? null, caseId],
    );
    const [one] = await this.unreadRows(em, viewer, [caseId]);
    return one ?? { caseId, lastSeq: 0, lastReadSeq: 0, unread: 0 };
  }

  /**
   * Unread posts per case (posts by others, not deleted, after the read mark) of the cases named by
   * `caseIds` (at most MAX_PAGE_SIZE: a list page) that concern the viewer — their agency takes part,
   * they have opened the thread (a read mark) or they are mentioned — and that they may still read.
   * Without `caseIds`: the concerning cases that have unread posts, at most MAX_PAGE_SIZE of them.
   * Supervisors are not flooded with every case of their province.
   */
  async unreadByCase(em: EntityManager, viewer: Viewer, caseIds?: readonly string[] | null): Promise<CaseUnread[]> {
    if (caseIds != null) {
      if (caseIds.length > MAX_PAGE_SIZE)
        throw badInput(`Mỗi lần chỉ hỏi được tối đa ${MAX_PAGE_SIZE} việc; hãy hỏi theo từng trang danh sách.`, { field: 'caseIds' });
      if (caseIds.some((id) => !UUID.test(id))) throw badInput('Mã việc thi hành án không hợp lệ.', { field: 'caseIds' });
      return this.unreadRows(em, viewer, caseIds);
    }
    return this.unreadRows(em, viewer, null);
  }

  /**
   * How many posts the viewer has not read, over every thread that concerns them (as `unreadByCase`):
   * exact up to UNREAD_TOTAL_CAP, then `more`. One bounded statement (`unreadTotalQuery`).
   */
  async unreadTotal(em: EntityManager, viewer: Viewer): Promise<UnreadTotal> {
    const query = unreadTotalQuery(viewer);
    const [{ n }] = await em.getConnection().execute<{ n: number }[]>(query.sql, query.params);
    return n > UNREAD_TOTAL_CAP ? { total: UNREAD_TOTAL_CAP, more: true } : { total: n, more: false };
  }

  /**
   * The per-case rows. Named cases: every one that concerns the viewer (also with 0 unread); none named:
   * the concerning threads that have activity after the viewer's mark, with at least one unread post.
   */
  private async unreadRows(em: EntityManager, viewer: Viewer, caseIds: readonly string[] | null): Promise<CaseUnread[]> {
    const readable = caseReadableSql(viewer, 't.case_id');
    const mine = concernedThreadsSql(viewer);
    const rows = await em.getConnection().execute<{ case_id: string; last_seq: number; last_read_seq: number; unread: string }[]>(
      `select * from (
         select t.case_id, t.last_seq, coalesce(r.last_read_seq, 0) as last_read_seq,
                (select count(*) from case_post p
                  where p.case_id = t.case_id and p.seq > coalesce(r.last_read_seq, 0)
                    and p.deleted_at is null and p.author_id is distinct from ?) as unread
           from ${caseIds ? '(select unnest(?::uuid[]) as case_id) mine' : `(${mine.sql}) mine`}
           join case_thread t on t.case_id = mine.case_id
           left join thread_read r on r.case_id = t.case_id and r.user_id = ?
          where ${readable.sql}
            ${caseIds ? `and t.case_id in (${mine.sql})` : 'and t.last_seq > coalesce(r.last_read_seq, 0)'}
       ) u ${caseIds ? '' : 'where u.unread > 0'}
        order by u.case_id ${caseIds ? '' : 'limit ?'}`,
      caseIds
        ? [viewer.userId, `{${caseIds.join(',')}}`, viewer.userId, ...readable.params, ...mine.params]
        : [viewer.userId, ...mine.params, viewer.userId, ...readable.params, MAX_PAGE_SIZE],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      lastSeq: Number(r.last_seq),
      lastReadSeq: Number(r.last_read_seq),
      unread: Number(r.unread),
    }));
  }

  /** Posts that mention the viewer by name, newest first, on cases they can still read. */
  async mentionsMe(em: EntityManager, viewer: Viewer, page: PageArgs): Promise<Page<Post>> {
    const visible = visibleCaseIdsSql(viewer);
    return findPage(
      em,
      Post,
      {
        mentionedUserIds: { $contains: [viewer.userId] },
        deletedAt: null,
        case: { $in: em.getKnex().raw(visible.sql, visible.params as never[]) as never },
      },
      { createdAt: 'desc', id: 'desc' },
      page,
    );
  }

  /**
   * What needs the viewer's attention, newest first: tasks for them or their agency, mentions,
   * directives, invitations to cases, escalations — the events addressed to `user:<me>` or
   * `agency:<my agency>` (the same addressing as the `myFeed` subscription), by others, about
   * cases the viewer can still read. Paged by event id both ways.
   */
  async inbox(em: EntityManager, viewer: Viewer, page: PageArgs, options: { unreadOnly?: boolean } = {}): Promise<InboxPage> {
    const backward = page.last != null || (page.before != null && page.first == null);
    if (page.first != null && page.last != null) throw badInput('Chỉ dùng một trong hai: first hoặc last.', { field: 'last' });
    const size = (backward ? page.last : page.first) ?? DEFAULT_PAGE_SIZE;
    if (size < 1 || size > MAX_PAGE_SIZE)
      throw badInput(`Số mục mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`, { field: backward ? 'last' : 'first' });
    const cursorText = backward ? page.before : page.after;
    const cursor = cursorText == null ? null : decodeInboxCursor(cursorText);
    const inbox = inboxSql(viewer);
    const unreadOnly = options.unreadOnly ? ` and ${UNREAD_SQL}` : '';
    const base = `${inbox.from}${unreadOnly}`;
    const params = [...inbox.params, ...(options.unreadOnly ? [viewer.userId] : [])];
    // Newest first: forward pages go to older ids, backward pages to newer ones.
    const rows = await em
      .getConnection()
      .execute<
        { id: string; type: string; actor_id: string | null; occurred_at: Date; payload: Record<string, unknown>; unread: boolean }[]
      >(
        `select e.id::text as id, e.type, e.actor_id, e.occurred_at, e.payload, ${UNREAD_SQL} as unread ${base}
         ${cursor ? (backward ? 'and e.id > ?' : 'and e.id < ?') : ''}
        order by e.id ${backward ? 'asc' : 'desc'} limit ?`,
        [viewer.userId, ...params, ...(cursor ? [cursor] : []), size + 1],
      );
    const more = rows.length > size;
    const items = rows.slice(0, size);
    if (backward) items.reverse();
    const counts = inboxCountQuery(viewer, options);
    const [{ count, unread }] = await em.getConnection().execute<{ count: string; unread: string }[]>(counts.sql, counts.params);
    const entries = items.map((r) => ({
      id: r.id,
      type: r.type,
      actorId: r.actor_id,
      occurredAt: new Date(r.occurred_at),
      caseId: String(r.payload.caseId),
      payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
      unread: r.unread,
    }));
    return {
      items: entries,
      cursorOf: (e) => encodeInboxCursor(e.id),
      hasNextPage: backward ? cursor != null : more,
      hasPreviousPage: backward ? more : cursor != null,
      startCursor: entries.length ? encodeInboxCursor(entries[0].id) : null,
      endCursor: entries.length ? encodeInboxCursor(entries[entries.length - 1].id) : null,
      totalCount: Number(count),
      unreadCount: Number(unread),
    };
  }

  /** How many inbox items the viewer has not read (the badge; the same filter as `inbox`). */
  async inboxUnreadCount(em: EntityManager, viewer: Viewer): Promise<number> {
    const inbox = inboxSql(viewer);
    const [{ unread }] = await em
      .getConnection()
      .execute<{ unread: string }[]>(`select count(*) as unread ${inbox.from} and ${UNREAD_SQL}`, [...inbox.params, viewer.userId]);
    return Number(unread);
  }

  /**
   * Marks inbox items read: those named by `ids` (ids that are not in the viewer's inbox are
   * ignored, so nobody learns whether an event exists), or every item when `ids` is omitted.
   * Idempotent. Returns how many stay unread.
   */
  async markInboxRead(em: EntityManager, viewer: Viewer, ids?: readonly string[] | null): Promise<number> {
    if (ids != null) {
      if (ids.length === 0) throw badInput('Hãy chọn ít nhất một mục để đánh dấu đã đọc.', { field: 'ids' });
      if (ids.length > MAX_INBOX_MARKS) throw badInput(`Mỗi lần chỉ đánh dấu được tối đa ${MAX_INBOX_MARKS} mục.`, { field: 'ids' });
      if (ids.some((id) => !/^\d{1,19}$/.test(id)))
        throw badInput('Mã mục trong hộp thư không hợp lệ; hãy tải lại hộp thư.', { field: 'ids' });
    }
    const inbox = inboxSql(viewer);
    await em.getConnection().execute(
      `insert into inbox_read (user_id, event_id, read_at)
       select ?::uuid, e.id, now() ${inbox.from} ${ids != null ? 'and e.id = any(?::bigint[])' : ''}
       on conflict do nothing`,
      [viewer.userId, ...inbox.params, ...(ids != null ? [`{${ids.join(',')}}`] : [])],
    );
    return this.inboxUnreadCount(em, viewer);
  }
}

/**
 * The inbox's counting statement: every item and the unread ones, across all pages. Exported so a
 * test can read its plan at province scale (it must probe each item's case by key, never rebuild
 * the set of visible cases per item).
 */
export function inboxCountQuery(viewer: Viewer, options: { unreadOnly?: boolean } = {}): { sql: string; params: unknown[] } {
  const inbox = inboxSql(viewer);
  return {
    sql: `select count(*) as count, count(*) filter (where ${UNREAD_SQL}) as unread ${inbox.from}${options.unreadOnly ? ` and ${UNREAD_SQL}` : ''}`,
    params: [viewer.userId, ...inbox.params, ...(options.unreadOnly ? [viewer.userId] : [])],
  };
}

/**
 * The ids of the cases whose thread concerns the viewer, each once: their agency takes part, else they
 * have a read mark, else a post mentions them. Three disjoint branches under `union all`, each driven
 * by the viewer's own rows (the participant index by agency, the read marks by user, the mentions' GIN
 * index), so it streams: a `limit` above it stops reading as soon as it has enough, and its whole size
 * is the viewer's share of the province, never the province.
 */
function concernedThreadsSql(viewer: Viewer): SqlFragment {
  const takesPart = (alias: string) =>
    `exists (select 1 from case_participant x where x.case_id = ${alias}.case_id and x.agency_id = ? and x.removed_at is null)`;
  return {
    sql: `select cp.case_id from case_participant cp where cp.agency_id = ? and cp.removed_at is null
          union all
          select tr.case_id from thread_read tr where tr.user_id = ? and not ${takesPart('tr')}
          union all
          select m.case_id from (select distinct mp.case_id from case_post mp where mp.mentioned_user_ids @> array[?]::text[]) m
           where not exists (select 1 from thread_read y where y.case_id = m.case_id and y.user_id = ?) and not ${takesPart('m')}`,
    params: [viewer.agencyId, viewer.userId, viewer.agencyId, viewer.userId, viewer.userId, viewer.agencyId],
  };
}

/**
 * The unread total's statement: at most UNREAD_TOTAL_CAP + 1 unread posts, found thread by thread
 * among the concerning threads with activity after the viewer's mark (`last_seq` above the mark; an
 * all-read thread costs one comparison, not a count), each thread's case checked by key. Exported so
 * a test can read its plan at province scale.
 */
export function unreadTotalQuery(viewer: Viewer): SqlFragment {
  const readable = caseReadableSql(viewer, 't.case_id');
  const mine = concernedThreadsSql(viewer);
  return {
    sql: `select count(*)::int as n from (
            select 1
              from (${mine.sql}) mine
              join case_thread t on t.case_id = mine.case_id
              left join thread_read r on r.case_id = t.case_id and r.user_id = ?
              join case_post p on p.case_id = t.case_id and p.seq > coalesce(r.last_read_seq, 0)
                               and p.deleted_at is null and p.author_id is distinct from ?
             where t.last_seq > coalesce(r.last_read_seq, 0) and ${readable.sql}
             limit ${UNREAD_TOTAL_CAP + 1}) u`,
    params: [...mine.params, viewer.userId, viewer.userId, ...readable.params],
  };
}

/** True for an inbox event (alias `e`) the user (first parameter) has not marked read. */
const UNREAD_SQL = 'not exists (select 1 from inbox_read ir where ir.user_id = ? and ir.event_id = e.id)';

/**
 * `from event e where …`: the events of the viewer's inbox — addressed to `user:<me>` or `agency:<my
 * agency>`, of an inbox type, by someone else, about a case the viewer can still read.
 */
function inboxSql(viewer: Viewer): { from: string; params: unknown[] } {
  const readable = caseReadableSql(viewer, "(e.payload->>'caseId')::uuid");
  return {
    from: `from event e
       where e.topics && ?::text[] and e.type = any(?::text[]) and e.actor_id is distinct from ?
         and ${readable.sql}`,
    params: [
      toPgTextArray([topics.user(viewer.userId), topics.agency(viewer.agencyId)]),
      toPgTextArray(INBOX_EVENT_TYPES),
      viewer.userId,
      ...readable.params,
    ],
  };
}

const encodeInboxCursor = (id: string) => Buffer.from(`inbox:${id}`).toString('base64url');
function decodeInboxCursor(text: string): string {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const match = /^inbox:(\d{1,19})$/.exec(decoded);
  if (!match) throw badInput('Con trỏ trang không hợp lệ; hãy tải lại danh sách từ đầu.', { field: 'after' });
  return match[1];
}

/**
 * Normalises a body: line endings to \n, control characters (other than newline and tab) removed,
 * outer whitespace trimmed. The text is stored as typed; the client renders a safe Markdown subset
 * (no raw HTML), so nothing here is ever interpreted as markup by the server.
 */
export function cleanBody(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const body = (raw ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();
  if (!body) throw badInput('Nội dung bài viết không được để trống.', { field: 'body' });
  if ([...body].length > MAX_POST_BODY_CHARS) {
    throw badInput(
      `Nội dung bài viết dài ${[...body].length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${MAX_POST_BODY_CHARS.toLocaleString('vi-VN')} ký tự; hãy rút gọn hoặc đính kèm tài liệu.`,
      {
        field: 'body',
        maxLength: MAX_POST_BODY_CHARS,
      },
    );
  }
  return body;
}

function uniqueIds(ids: string[] | null | undefined, field: string): string[] {
  const unique = [...new Set(ids ?? [])];
  if (unique.length > MAX_MENTIONS) throw badInput(`Mỗi bài viết nhắc tối đa ${MAX_MENTIONS} người hoặc cơ quan.`, { field });
  return unique;
}

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

function cleanAttachments(list: AttachmentMeta[]): AttachmentMeta[] {
  if (list.length > MAX_ATTACHMENTS) throw badInput(`Mỗi bài viết đính kèm tối đa ${MAX_ATTACHMENTS} tệp.`, { field: 'attachments' });
  return list.map((a, i) => {
    const field = `attachments[${i}]`;
    const name = a.name?.trim() ?? '';
    if (!name || name.length > 255 || /[\\/\u0000-\u001F]/.test(name))
      throw badInput(`Tên tệp đính kèm thứ ${i + 1} không hợp lệ (1–255 ký tự, không chứa "/" hoặc "\\").`, { field: `${field}.name` });
    if (!Number.isInteger(a.size) || a.size < 0 || a.size > MAX_ATTACHMENT_BYTES)
      throw badInput(`Dung lượng tệp "${name}" không hợp lệ (tối đa 200 MB).`, { field: `${field}.size` });
    if (!MIME.test(a.type ?? '')) throw badInput(`Loại tệp "${name}" không hợp lệ (ví dụ application/pdf).`, { field: `${field}.type` });
    const checksum = (a.checksum ?? '').toLowerCase();
    if (!SHA256.test(checksum))
      throw badInput(`Mã kiểm tra của tệp "${name}" phải là SHA-256 (64 ký tự hệ 16).`, { field: `${field}.checksum` });
    return { name, size: a.size, type: a.type.toLowerCase(), checksum };
  });
}

/** Increments the case's post counter (row-locked until commit: seq follows commit order per case). */
/**
 * Inserts a post with the thread's next number in one statement: the `case_thread` upsert (which
 * row-locks the counter until commit, so numbers are gapless and in commit order per case) feeds the
 * insert. Returns the inserted row as PostgreSQL stored it.
 */
async function insertPost(
  em: EntityManager,
  p: {
    id: string;
    caseId: string;
    kind: PostKind;
    authorId: string;
    authorAgencyId: string;
    body: string;
    userIds: string[];
    agencyIds: string[];
    attachments: AttachmentMeta[];
  },
): Promise<Record<string, unknown>> {
  const now = new Date();
  const [row] = await em.execute<Record<string, unknown>[]>(
    `with s as (
       insert into case_thread (case_id, last_seq) values (?, 1)
       on conflict (case_id) do update set last_seq = case_thread.last_seq + 1
       returning last_seq
     )
     insert into case_post (id, case_id, seq, kind, author_id, author_agency_id, body, mentioned_user_ids, mentioned_agency_ids,
                            attachments, version, created_at, updated_at)
     select ?, ?, s.last_seq, ?, ?, ?, ?, ?::text[], ?::text[], ?::jsonb, 1, ?, ? from s
     returning *`,
    [
      p.caseId,
      p.id,
      p.caseId,
      p.kind,
      p.authorId,
      p.authorAgencyId,
      p.body,
      toPgTextArray(p.userIds),
      toPgTextArray(p.agencyIds),
      JSON.stringify(p.attachments),
      now,
      now,
    ],
  );
  return row;
}

/**
 * Refuses mentions of people or agencies that cannot see the case: a mention would tell them about a
 * case they have no access to. Names the first offender so the official can fix the post.
 */
async function assertMentionsInCase(em: EntityManager, facts: CaseFacts, userIds: string[], agencyIds: string[]): Promise<void> {
  if (userIds.length) {
    const users = await agencyFactsOf(em, 'u', userIds);
    for (const id of userIds) {
      const u = users.get(id);
      if (!u) throw badInput('Người được nhắc đến không tồn tại hoặc đã ngừng hoạt động.', { field: 'mentionedUserIds', id });
      if (!agencyCanReadCase(u, facts)) {
        throw badInput(
          `${u.name} (${u.agencyName}) không tham gia việc này nên không thể được nhắc đến; hãy chia sẻ việc với cơ quan của họ trước.`,
          { field: 'mentionedUserIds', id },
        );
      }
    }
  }
  if (agencyIds.length) {
    const agencies = await agencyFactsOf(em, 'a', agencyIds);
    for (const id of agencyIds) {
      const a = agencies.get(id);
      if (!a) throw badInput('Cơ quan được nhắc đến không tồn tại hoặc đã ngừng hoạt động.', { field: 'mentionedAgencyIds', id });
      if (!agencyCanReadCase(a, facts))
        throw badInput(`${a.name} không tham gia việc này nên không thể được nhắc đến; hãy chia sẻ việc với cơ quan trước.`, {
          field: 'mentionedAgencyIds',
          id,
        });
    }
  }
}

/** Active users ('u') or agencies ('a') by id, with their agency's kind and covered area paths. */
async function agencyFactsOf(em: EntityManager, what: 'u' | 'a', ids: string[]) {
  if (!ids.every((id) => /^[0-9a-f-]{36}$/i.test(id)))
    throw badInput('Mã người hoặc cơ quan được nhắc đến không hợp lệ.', {
      field: what === 'u' ? 'mentionedUserIds' : 'mentionedAgencyIds',
    });
  const rows = await em
    .getConnection()
    .execute<{ id: string; name: string; agency_id: string; agency_name: string; kind: string; paths: string[] }[]>(
      `select ${what === 'u' ? 'u.id, u.full_name' : 'a.id, a.name'} as name, a.id as agency_id, a.name as agency_name, a.kind,
            coalesce(array_agg(ar.path) filter (where ar.path is not null), '{}') as paths
       from ${what === 'u' ? 'app_user u join agency a on a.id = u.agency_id' : 'agency a'}
       left join agency_coverage c on c.agency_id = a.id
       left join area ar on ar.id = c.area_id
      where ${what === 'u' ? 'u.id' : 'a.id'} = any(?::uuid[]) and a.active ${what === 'u' ? 'and u.active' : ''}
      group by 1, 2, 3, 4, 5`,
      [`{${ids.join(',')}}`],
    );
  return new Map(
    rows.map((r) => [r.id, { id: r.agency_id, name: r.name, agencyName: r.agency_name, kind: r.kind, coveredAreaPaths: r.paths }]),
  );
}

function topicsFor(caseId: string, userIds: string[], agencyIds: string[]): Topic[] {
  return [topics.case(caseId), ...topics.users(userIds), ...topics.agencies(agencyIds)];
}
