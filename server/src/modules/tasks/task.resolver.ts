import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { BidiPageArgsInput, toConnection } from '../../graphql/connection';
import { primeLoaded } from '../../graphql/loaders';
import { SignedIn } from '../../graphql/guards';
import { canOnTask } from '../../policy/abilities';
import { AgencyType } from '../agencies/agency.types';
import { CaseType } from '../cases/case.types';
import { UserType } from '../users/user.types';
import { isOverdue } from './task-workflow';
import { Task } from './task.entity';
import { IDEMPOTENCY_KEY_DOC } from '../../graphql/idempotency-doc';
import {
  TaskAbilities,
  TaskType,
  TaskConnection,
  AssignTaskInput,
  TransitionTaskInput,
  ReassignTaskInput,
  TaskFilterInput,
} from './task.types';

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
    const tasks = await ctx.services.tasks.listForCase(ctx.em, ctx.viewer!, caseId, filter ?? {}, page);
    // The first page read its people and agencies in its own statement: their field resolvers find them primed.
    primeLoaded(
      ctx.loaders.userById,
      tasks.items.flatMap((t) => [t.createdBy, t.assignee]),
    );
    primeLoaded(
      ctx.loaders.agencyById,
      tasks.items.map((t) => t.assigneeAgency),
    );
    return toConnection(tasks);
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
  transitionTask(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: TransitionTaskInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<Task> {
    return ctx.services.tasks.transition(ctx.em, ctx.viewer!, input, idempotencyKey);
  }

  @SignedIn('task.reassign: assignee agency head/admin, lead office officers')
  @Mutation(() => TaskType, { description: 'Gives the task to another person of the same agency.' })
  reassignTask(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: ReassignTaskInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<Task> {
    return ctx.services.tasks.reassign(ctx.em, ctx.viewer!, input, idempotencyKey);
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
