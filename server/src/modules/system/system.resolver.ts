import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { verifyAuditChain } from '../../events/event-log';
import type { GraphQLContext } from '../../graphql/context';
import type { AuditJob } from './audit-jobs';
import { Public, RequireAbility } from '../../graphql/guards';

@ObjectType({ description: 'Facts about the server instance answering.' })
export class ServerInfo {
  @Field({ description: 'Product version (package.json).' })
  version!: string;

  @Field({ description: 'Identifier of this instance (differs between instances behind a load balancer).' })
  instanceId!: string;

  @Field({ description: '"in-process" (one instance) or "redis" (many instances).' })
  eventBus!: string;

  @Field({ description: 'Server time.' })
  now!: Date;
}

@Resolver()
export class SystemResolver {
  @Public()
  @Query(() => ServerInfo, { description: 'Which instance answered and how it delivers events. Needs no sign-in.' })
  serverInfo(@Ctx() ctx: GraphQLContext): ServerInfo {
    return { version: ctx.services.version, instanceId: ctx.services.instanceId, eventBus: ctx.services.bus.kind, now: new Date() };
  }
}

@ObjectType('AuditProblem')
export class AuditProblemType {
  @Field() stream!: string;
  @Field(() => String, { nullable: true }) streamSeq!: string | null;
  @Field({
    description:
      'HASH_MISMATCH, BROKEN_LINK, MISSING_EVENT, HEAD_MISMATCH; against the signed checkpoints: STREAM_TRUNCATED, STREAM_MISSING, CHECKPOINT_MISMATCH, CHECKPOINT_INVALID.',
  })
  kind!: string;
  @Field() detail!: string;
}

@ObjectType('AuditReport', { description: 'Result of re-checking the hash chain of the whole event log.' })
export class AuditReportType {
  @Field() ok!: boolean;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int) streamsChecked!: number;
  @Field(() => Int, { description: 'Signed stream heads compared with the log.' }) checkpointsChecked!: number;
  @Field(() => [AuditProblemType]) problems!: AuditProblemType[];
}

@ObjectType('AuditVerification', { description: 'A verification of the whole event log running in the background.' })
export class AuditVerificationType {
  @Field(() => ID) id!: string;
  @Field({ description: 'RUNNING, DONE or FAILED.' }) status!: string;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int, { description: 'Events in the log when the run started.' }) eventsTotal!: number;
  @Field(() => Int) streamsChecked!: number;
  @Field(() => AuditReportType, { nullable: true, description: 'The result, once DONE.' }) report!: AuditReportType | null;
}

function toVerification(job: AuditJob): AuditVerificationType {
  return { id: job.id, status: job.status, startedAt: job.startedAt, finishedAt: job.finishedAt, ...job.progress, report: job.report };
}

@Resolver()
export class AuditResolver {
  @RequireAbility('audit.verify')
  @Query(() => AuditReportType, { description: 'Verifies that no event-log row was edited or deleted (system admins).' })
  verifyAuditChain(@Ctx() ctx: GraphQLContext): Promise<AuditReportType> {
    return verifyAuditChain(ctx.em, { checkpointKey: ctx.services.checkpointKey });
  }

  @RequireAbility('audit.verify')
  @Mutation(() => AuditVerificationType, {
    description: 'Starts verifying the whole event log in the background (or returns the run in progress); poll auditVerification.',
  })
  startAuditVerification(@Ctx() ctx: GraphQLContext): AuditVerificationType {
    return toVerification(ctx.services.auditJobs.start());
  }

  @RequireAbility('audit.verify')
  @Query(() => AuditVerificationType, {
    nullable: true,
    description: 'Progress and result of a background verification started on this server instance (null when unknown).',
  })
  auditVerification(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): AuditVerificationType | null {
    const job = ctx.services.auditJobs.get(id);
    return job ? toVerification(job) : null;
  }
}
