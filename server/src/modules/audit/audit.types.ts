import { Field, ID, Int, ObjectType } from 'type-graphql';

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

@ObjectType('AuditVerification', { description: 'A verification of the whole event log run in the background.' })
export class AuditVerificationType {
  @Field(() => ID) id!: string;
  @Field({ description: 'RUNNING, DONE or FAILED.' }) status!: string;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int, { description: 'Events in the log when the run started.' }) eventsTotal!: number;
  @Field(() => Int) streamsChecked!: number;
  @Field(() => AuditReportType, { nullable: true, description: 'The result, once DONE.' }) report!: AuditReportType | null;
  @Field(() => String, { nullable: true, description: 'Why a FAILED run did not finish (no verdict about the log).' })
  failure!: string | null;
}
