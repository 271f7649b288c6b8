import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { PostKind } from './post.entity';
import { MAX_ATTACHMENTS, MAX_MENTIONS } from './thread.service';

registerEnumType(PostKind, {
  name: 'PostKind',
  description: 'Note, report, directive (steering committee), recommendation (procuracy), system.',
});

/** What an inbox item is about, derived from its event type. */
export enum InboxCategory {
  NEW_TASK = 'NEW_TASK',
  /** My agency's task is past its deadline (and was escalated). */
  OVERDUE_TASK = 'OVERDUE_TASK',
  TASK_UPDATE = 'TASK_UPDATE',
  ESCALATION = 'ESCALATION',
  MENTION = 'MENTION',
  DIRECTIVE = 'DIRECTIVE',
  RECOMMENDATION = 'RECOMMENDATION',
  INVITATION = 'INVITATION',
}
registerEnumType(InboxCategory, { name: 'InboxCategory' });

@ObjectType('Attachment', { description: 'Metadata of a file attached to a post.' })
export class AttachmentType {
  @Field() name!: string;
  @Field(() => Int, { description: 'Bytes.' }) size!: number;
  @Field({ description: 'MIME type.' }) type!: string;
  @Field({ description: 'sha256, lower-case hex.' }) checksum!: string;
}

@ObjectType('PostRevision', { description: 'A text a post had before an edit or its deletion.' })
export class PostRevisionType {
  @Field(() => Int) version!: number;
  @Field() body!: string;
  @Field({ description: 'When it was replaced.' }) createdAt!: Date;
}

@ObjectType('PostAbilities')
export class PostAbilities {
  @Field() edit!: boolean;
  @Field() delete!: boolean;
}

@ObjectType('Post', {
  description: 'A post on a case thread. The body is plain text; clients render a safe Markdown subset (never raw HTML).',
})
export class PostType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Position in the thread, from 1, in commit order.' }) seq!: number;
  @Field(() => PostKind) kind!: PostKind;
  @Field(() => [AttachmentType]) attachments!: AttachmentType[];
  @Field(() => Date, { nullable: true }) editedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deletedAt!: Date | null;
  @Field(() => String, { nullable: true }) deleteReason!: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
}

@ObjectType()
export class PostConnection extends ConnectionType('Post', PostType) {}

@ObjectType('ThreadUnread', { description: "The viewer's read state on one case's thread." })
export class ThreadUnreadType {
  @Field(() => ID) caseId!: string;
  @Field(() => Int, { description: 'seq of the newest post.' }) lastSeq!: number;
  @Field(() => Int, { description: 'Every post up to this seq counts as read.' }) lastReadSeq!: number;
  @Field(() => Int, { description: 'Posts by others, not deleted, after the read mark.' }) unread!: number;
}

/** What `unreadCounts` was asked about; its fields are resolved on demand (UnreadSummaryResolver). */
export interface UnreadSummaryRoot {
  caseIds: readonly string[] | null;
}

@ObjectType('UnreadSummary', {
  description:
    'Unread thread posts on the cases that concern me: my agency takes part, I opened the thread, or I am mentioned. ' +
    'With caseIds: those cases (at most 100, a list page). Without: every concerning case, the total counted up to 99.',
})
export class UnreadSummaryType {}

@ObjectType('InboxItem', { description: 'Something that needs my attention: taken from the events addressed to me or my agency.' })
export class InboxItemType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Event type, e.g. task.created, thread.posted, case.shared.' }) type!: string;
  @Field() occurredAt!: Date;
  @Field(() => GraphQLJSONObject) payload!: Record<string, unknown>;
  @Field({ description: 'I have not marked it read.' }) unread!: boolean;
}

@ObjectType()
export class InboxConnection extends ConnectionType('Inbox', InboxItemType) {
  @Field(() => Int, { description: 'Unread items across all pages (what the badge shows).' }) unreadCount!: number;
}

@ObjectType('InboxReadResult')
export class InboxReadResultType {
  @Field(() => Int, { description: 'Items still unread.' }) unreadCount!: number;
}

/** Checked by the service (one place, with messages naming the file); no decorators here. */
@InputType()
export class AttachmentInput {
  @Field() name!: string;
  @Field(() => Int, { description: 'Bytes (at most 200 MB).' }) size!: number;
  @Field({ description: 'MIME type, e.g. application/pdf.' }) type!: string;
  @Field({ description: 'sha256 of the content, 64 hex characters.' }) checksum!: string;
}

@InputType()
export class NewPostInput {
  @Field(() => ID) @IsUUID('all', { message: 'Mã việc thi hành án không hợp lệ.' }) caseId!: string;
  @Field(() => PostKind, { defaultValue: PostKind.NOTE }) @IsEnum(PostKind) kind!: PostKind;
  @Field({ description: 'Plain text or a safe Markdown subset; 1–10,000 characters.' }) body!: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Mã người được nhắc đến không hợp lệ.' })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedUserIds?: string[] | null;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Mã cơ quan được nhắc đến không hợp lệ.' })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedAgencyIds?: string[] | null;
  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS, { message: `Tối đa ${MAX_ATTACHMENTS} tệp đính kèm.` })
  attachments?: AttachmentInput[] | null;
}

@InputType()
export class EditPostInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field() body!: string;
  @Field(() => [ID], { nullable: true, description: 'Replaces the mentions when given.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedUserIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the mentions when given.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedAgencyIds?: string[] | null;
}

@InputType()
export class DeletePostInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 500, { message: 'Lý do xóa tối đa 500 ký tự.' }) reason?: string | null;
}
