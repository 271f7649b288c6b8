import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { verifyAuditChain } from '../../events/event-log';
import type { GraphQLContext } from '../../graphql/context';
import type { AuditJob } from './audit-jobs';
import { Public, RequireAbility } from '../../graphql/guards';
import { ServerInfo, AuditReportType, AuditVerificationType } from './system.types';

@Resolver()
export class SystemResolver {
  @Public()
  @Query(() => ServerInfo, { description: 'Which instance answered and how it delivers events. Needs no sign-in.' })
  serverInfo(@Ctx() ctx: GraphQLContext): ServerInfo {
    return { version: ctx.services.version, instanceId: ctx.services.instanceId, eventBus: ctx.services.bus.kind, now: new Date() };
  }
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
