import { Migration } from '@mikro-orm/migrations';

export class Migration20261203062239_obligation_position extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "obligation" add column "position" smallint not null default 0;`);
    // Reviewed addition: existing rows get the order they were listed in until now (created_at, then
    // id), numbered from 0 within each case, like case_party.position.
    this.addSql(`update "obligation" o set "position" = n.position
      from (select id, (row_number() over (partition by case_id order by created_at, id) - 1)::smallint as position from "obligation") n
      where n.id = o.id and n.position <> 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "obligation" drop column "position";`);
  }

}
