import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { BidiPageArgsInput, ConnectionType, toConnection } from '../../graphql/connection';
import { SignedIn } from '../../graphql/guards';
import { canOnTask } from '../../policy/abilities';
import { AgencyType } from '../agencies/agency.resolver';
import { CaseType } from '../cases/case.resolver';
import { UserType } from '../users/user.resolver';
import { isOverdue, TaskAction } from './task-workflow';
import { Task, TaskKind, TaskPriority, TaskStatus } from './task.entity';
import { IDEMPOTENCY_KEY_DOC } from '../../graphql/idempotency-doc';

registerEnumType(TaskKind, { name: 'TaskKind' });
registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'OPEN → ACCEPTED → IN_PROGRESS → DONE, or DECLINED / CANCELLED.' });
registerEnumType(TaskPriority, { name: 'TaskPriority' });
registerEnumType(TaskAction, { name: 'TaskAction', description: 'A workflow step; each is allowed only from certain statuses.' });

@ObjectType('TaskAbilities', { description: 'What the viewer may do with this task (drives the UI).' })
export class TaskAbilities {
  @Field({ description: 'Accept, decline, start, complete.' }) respond!: boolean;
  @Field() reassign!: boolean;
  @Field() cancel!: boolean;
}

@ObjectType('Task', { description: 'A task on a case, assigned to a participating agency (optionally to a named person there).' })
export class TaskType {
  @Field(() => ID) id!: string;
  @Field(() => TaskKind) kind!: TaskKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) details!: string | null;
  @Field(() => TaskStatus) status!: TaskStatus;
  @Field(() => TaskPriority) priority!: TaskPriority;
  @Field(() => Date, { nullable: true, description: 'End of the last allowed day.' }) dueAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'When given as "due in N working days": N (the date is recounted when the calendar changes); null for an explicit date.',
  })
  dueWorkingDays!: number | null;
  @Field(() => String, { nullable: true, description: 'Why it was declined or cancelled.' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'What the assignee reported on completion.' }) resultNote!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the overdue task was escalated to the lead office and steering committee.' })
  escalatedAt!: Date | null;
  @Field(() => Int, { description: 'Send it back with every change (optimistic concurrency).' }) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class TaskConnection extends ConnectionType('Task', TaskType) {}

@InputType()
export class AssignTaskInput {
  @Field(() => ID) @IsUUID('all', { message: 'Mã việc thi hành án không hợp lệ.' }) caseId!: string;
  @Field(() => ID, { description: 'An agency taking part in the case.' })
  @IsUUID('all', { message: 'Hãy chọn cơ quan được giao nhiệm vụ.' })
  agencyId!: string;
  @Field(() => ID, { nullable: true, description: 'A named person of that agency (optional).' }) @IsOptional() @IsUUID('all') assigneeId?:
    | string
    | null;
  @Field(() => TaskKind) @IsEnum(TaskKind) kind!: TaskKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() details?: string | null;
  @Field(() => TaskPriority, { nullable: true }) @IsOptional() @IsEnum(TaskPriority) priority?: TaskPriority | null;
  @Field(() => Date, { nullable: true, description: 'Exact deadline; or use dueInWorkingDays.' }) @IsOptional() dueAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'Deadline in working days from now (weekends and public holidays skipped).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Số ngày làm việc phải từ 1 đến 250.' })
  @Max(250, { message: 'Số ngày làm việc phải từ 1 đến 250.' })
  dueInWorkingDays?: number | null;
}

@InputType()
export class TransitionTaskInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => TaskAction) @IsEnum(TaskAction) action!: TaskAction;
  @Field(() => String, { nullable: true, description: 'Required to DECLINE; optional for CANCEL.' }) @IsOptional() @Length(0, 5000) reason?:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'COMPLETE: what was done.' }) @IsOptional() @Length(0, 5000) note?: string | null;
}

@InputType()
export class ReassignTaskInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID, { nullable: true, description: 'A person of the same agency; null gives it back to the whole agency.' })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string | null;
}

@InputType()
export class TaskFilterInput {
  @Field(() => [TaskStatus], { nullable: true }) @IsOptional() @IsEnum(TaskStatus, { each: true }) statuses?: TaskStatus[] | null;
  @Field(() => Date, { nullable: true }) @IsOptional() dueBefore?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() dueAfter?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Still open and past its deadline.' }) @IsOptional() @IsBoolean() overdue?:
    | boolean
    | null;
  @Field(() => Boolean, { nullable: true, description: 'myTasks: only tasks naming me, not the rest of my agency’s.' })
  @IsOptional()
  @IsBoolean()
  mineOnly?: boolean | null;
}

const TASK_READ = 'case.read on the task’s case';

@Resolver(() => TaskType)
export class TaskResolver {
  @SignedIn(TASK_READ)
  @Query(() => TaskType)
  task(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<Task> {
    return ctx.services.tasks.get(ctx.em, ctx.viewer!, id);
  }

  @SignedIn(TASK_READ)
  @Query(() => TaskConnection, { description: 'Tasks of one case, newest first.' })
  async caseTasks(
    @Ctx() ctx: GraphQLContext,
    @Arg('caseId', () => ID) caseId: string,
    @Args() page: BidiPageArgsInput,
    @Arg('filter', () => TaskFilterInput, { nullable: true }) filter?: TaskFilterInput,
  ) {
    return toConnection(await ctx.services.tasks.listForCase(ctx.em, ctx.viewer!, caseId, filter ?? {}, page));
  }

  @SignedIn('tasks of the viewer or their agency, on cases passing case.read')
  @Query(() => TaskConnection, { description: 'Tasks for me and my agency, newest first.' })
  async myTasks(
    @Ctx() ctx: GraphQLContext,
    @Args() page: BidiPageArgsInput,
    @Arg('filter', () => TaskFilterInput, { nullable: true }) filter?: TaskFilterInput,
  ) {
    return toConnection(await ctx.services.tasks.myTasks(ctx.em, ctx.viewer!, filter ?? {}, page));
  }

  @SignedIn('task.assign: lead office officers, steering members')
  @Mutation(() => TaskType, { description: 'Assigns a task to an agency taking part in the case.' })
  assignTask(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: AssignTaskInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<Task> {
    return ctx.services.tasks.assign(ctx.em, ctx.viewer!, input, idempotencyKey);
  }

  @SignedIn('task.respond: assignee agency members; task.cancel: task.assign')
  @Mutation(() => TaskType, { description: 'Moves a task along its workflow; an illegal step gives RULE_VIOLATION.' })
  transitionTask(@Ctx() ctx: GraphQLContext, @Arg('input') input: TransitionTaskInput): Promise<Task> {
    return ctx.services.tasks.transition(ctx.em, ctx.viewer!, input);
  }

  @SignedIn('task.reassign: assignee agency head/admin, lead office officers')
  @Mutation(() => TaskType, { description: 'Gives the task to another person of the same agency.' })
  reassignTask(@Ctx() ctx: GraphQLContext, @Arg('input') input: ReassignTaskInput): Promise<Task> {
    return ctx.services.tasks.reassign(ctx.em, ctx.viewer!, input);
  }

  @FieldResolver(() => ID)
  caseId(@Root() t: Task): string {
    return t.case.id;
  }

  @FieldResolver(() => CaseType)
  case(@Root() t: Task, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.caseById.load(t.case.id);
  }

  @FieldResolver(() => AgencyType)
  assigneeAgency(@Root() t: Task, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.agencyById.load(t.assigneeAgency.id);
  }

  @FieldResolver(() => UserType, { nullable: true })
  assignee(@Root() t: Task, @Ctx() ctx: GraphQLContext) {
    return t.assignee ? ctx.loaders.userById.load(t.assignee.id) : null;
  }

  @FieldResolver(() => UserType)
  createdBy(@Root() t: Task, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.userById.load(t.createdBy.id);
  }

  @FieldResolver(() => Boolean, { description: 'Still needs work and its deadline has passed.' })
  overdue(@Root() t: Task): boolean {
    return isOverdue(t);
  }

  @FieldResolver(() => TaskAbilities)
  async viewerCan(@Root() t: Task, @Ctx() ctx: GraphQLContext): Promise<TaskAbilities> {
    const facts = await ctx.loaders.caseFacts.load(t.case.id);
    const can = (a: 'task.respond' | 'task.reassign' | 'task.cancel') =>
      !!facts && canOnTask(ctx.viewer!, a, { assigneeAgencyId: t.assigneeAgency.id }, facts);
    return { respond: can('task.respond'), reassign: can('task.reassign'), cancel: can('task.cancel') };
  }
}
