import { Migration } from '@mikro-orm/migrations';

export class Migration20261123202037 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "case_party" add column "position" smallint not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_party" drop column "position";`);
  }

}
