import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireAbility } from '../../graphql/guards';
import type { AuditVerificationJob } from './audit-verification-job.entity';
import { AuditReportType, AuditVerificationType } from './audit.types';

function toVerification(job: AuditVerificationJob): AuditVerificationType {
  return {
    id: job.id,
    status: job.state,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    eventsChecked: job.eventsChecked,
    eventsTotal: job.eventsTotal,
    streamsChecked: job.streamsChecked,
    report: job.report,
    failure: job.failure,
  };
}

@Resolver()
export class AuditResolver {
  @RequireAbility('audit.verify')
  @Query(() => AuditReportType, { description: 'Verifies that no event-log row was edited or deleted (system admins).' })
  verifyAuditChain(@Ctx() ctx: GraphQLContext): Promise<AuditReportType> {
    return ctx.services.audit.verify(ctx.em);
  }

  @RequireAbility('audit.verify')
  @Mutation(() => AuditVerificationType, {
    description: 'Starts verifying the whole event log in the background (or returns the run in progress); poll auditVerification.',
  })
  async startAuditVerification(@Ctx() ctx: GraphQLContext): Promise<AuditVerificationType> {
    return toVerification(await ctx.services.audit.start(ctx.em, ctx.viewer!.userId));
  }

  @RequireAbility('audit.verify')
  @Query(() => AuditVerificationType, {
    nullable: true,
    description: 'Progress and result of a background verification, on any server instance (null when unknown).',
  })
  async auditVerification(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<AuditVerificationType | null> {
    const job = await ctx.services.audit.get(ctx.em, id);
    return job ? toVerification(job) : null;
  }
}
