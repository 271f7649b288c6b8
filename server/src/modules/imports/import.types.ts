import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ImportJob, ImportJobState } from './import-job.entity';

registerEnumType(ImportJobState, {
  name: 'ImportJobState',
  description: 'RUNNING (rows being written), DONE (committed) or FAILED (rolled back: nothing written).',
});

@ObjectType('ImportRowError', { description: 'One problem in an imported file (docs/IMPORTS.md).' })
export class ImportRowErrorType {
  @Field(() => Int, { description: 'Line of the file (the header is row 1).' }) row!: number;
  @Field({ description: 'Column name from the header.' }) column!: string;
  @Field({ description: 'MISSING_COLUMN, REQUIRED, INVALID, DUPLICATE_IN_FILE, UNKNOWN_REFERENCE, NOT_ALLOWED or CONFLICT.' })
  code!: string;
  @Field({ description: 'What is wrong, in Vietnamese.' }) message!: string;
}

@ObjectType('ImportJob', { description: 'A CSV import started with POST /import/<kind>, running in the background.' })
export class ImportJobType {
  @Field(() => ID) id!: string;
  @Field({ description: 'areas, agencies, users or cases.' }) kind!: string;
  @Field(() => ImportJobState) state!: ImportJobState;
  @Field(() => Int, { description: 'Rows written so far (committed only when DONE).' }) processed!: number;
  @Field(() => Int, { description: 'Rows to write.' }) total!: number;
  @Field(() => Int, { description: 'Data rows in the file.' }) rows!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int, { description: 'Rows whose key already existed: left as they are.' }) unchanged!: number;
  @Field(() => Int, { description: 'Bad rows left out (skipBadRows).' }) skipped!: number;
  @Field(() => [ImportRowErrorType], { description: 'Row errors of the file (the skipped rows).' }) errors!: ImportRowErrorType[];
  @Field(() => String, { nullable: true, description: 'Why a FAILED job failed.' }) failure!: string | null;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

/** The job as the API shows it (GraphQL and the upload's JSON answer). */
export function toImportJobView(job: ImportJob): ImportJobType {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    processed: job.processed,
    total: job.total,
    rows: job.rows,
    created: job.created,
    unchanged: job.unchanged,
    skipped: job.skipped,
    errors: job.errors,
    failure: job.failure,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
