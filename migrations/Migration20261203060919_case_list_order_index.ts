import { Migration } from '@mikro-orm/migrations';

export class Migration20261203060919_case_list_order_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "enforcement_case_created_at_id_idx" on "enforcement_case" ("created_at" desc, "id" desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "enforcement_case_created_at_id_idx";`);
  }

}
