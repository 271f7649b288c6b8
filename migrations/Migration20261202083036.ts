import { Migration } from '@mikro-orm/migrations';

export class Migration20261202083036 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "enforcement_case_judgment_number_index" on "enforcement_case" ("judgment_number");`);

    this.addSql(`create index "case_party_id_number_index" on "case_party" ("id_number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "case_party_id_number_index";`);

    this.addSql(`drop index "enforcement_case_judgment_number_index";`);
  }

}
