import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireAbility } from '../../graphql/guards';
import type { AuditJob } from './audit.service';
import { AuditReportType, AuditVerificationType } from './audit.types';

function toVerification(job: AuditJob): AuditVerificationType {
  return { id: job.id, status: job.status, startedAt: job.startedAt, finishedAt: job.finishedAt, ...job.progress, report: job.report };
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
  startAuditVerification(@Ctx() ctx: GraphQLContext): AuditVerificationType {
    return toVerification(ctx.services.audit.start());
  }

  @RequireAbility('audit.verify')
  @Query(() => AuditVerificationType, {
    nullable: true,
    description: 'Progress and result of a background verification started on this server instance (null when unknown).',
  })
  auditVerification(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): AuditVerificationType | null {
    const job = ctx.services.audit.get(id);
    return job ? toVerification(job) : null;
  }
}
