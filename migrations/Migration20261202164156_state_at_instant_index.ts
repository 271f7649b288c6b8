import { Migration } from '@mikro-orm/migrations';

export class Migration20261202164156_state_at_instant_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "case_state_history_valid_range_idx" on "case_state_history" using gist (tstzrange("valid_from", "valid_to", '(]'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "case_state_history_valid_range_idx";`);
  }

}
