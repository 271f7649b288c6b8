import { Migration } from '@mikro-orm/migrations';

export class Migration20261202203457_state_at_instant_covering_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "case_state_history_valid_range_idx";`);

    this.addSql(`create index "case_state_history_valid_range_cover_idx" on "case_state_history" using gist (tstzrange("valid_from", "valid_to", '(]')) include ("case_id", "valid_from", "valid_to", "status", "amount_owed", "amount_collected", "accepted_at", "lead_agency_id", "commune_id", "officer_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "case_state_history_valid_range_cover_idx";`);

    this.addSql(`CREATE INDEX case_state_history_valid_range_idx ON public.case_state_history USING gist (tstzrange(valid_from, valid_to, '(]'::text));`);
  }

}
