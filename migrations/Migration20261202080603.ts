import { Migration } from '@mikro-orm/migrations';

export class Migration20261202080603 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "auth_session" add column "family_id" uuid null, add column "ended_at" timestamptz(3) null;`);
    this.addSql(`create index "auth_session_family_id_index" on "auth_session" ("family_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "auth_session_family_id_index";`);
    this.addSql(`alter table "auth_session" drop column "family_id", drop column "ended_at";`);
  }

}
