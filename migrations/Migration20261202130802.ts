import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130802 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "case_task" add column "due_working_days" int null, add column "due_from" timestamptz(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_task" drop column "due_working_days", drop column "due_from";`);
  }

}
