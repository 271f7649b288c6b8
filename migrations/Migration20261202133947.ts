import { Migration } from '@mikro-orm/migrations';

export class Migration20261202133947 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_key" add column "request_hash" char(64) null;`);
    this.addSql(`alter table "idempotency_key" alter column "result_id" drop default;`);
    this.addSql(`alter table "idempotency_key" alter column "result_id" type uuid using ("result_id"::text::uuid);`);
    this.addSql(`alter table "idempotency_key" alter column "result_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_key" drop column "request_hash";`);

    this.addSql(`alter table "idempotency_key" alter column "result_id" drop default;`);
    this.addSql(`alter table "idempotency_key" alter column "result_id" type uuid using ("result_id"::text::uuid);`);
    this.addSql(`alter table "idempotency_key" alter column "result_id" set not null;`);
  }

}
