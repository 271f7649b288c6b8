import { Migration } from '@mikro-orm/migrations';

export class Migration20261202074824_statistics extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "statistics_target" ("id" uuid not null, "agency_id" uuid not null, "statistical_year" smallint not null, "case_rate_percent" numeric(5,2) not null, "money_rate_percent" numeric(5,2) not null, "set_by_id" uuid not null, "version" int not null default 1, "updated_at" timestamptz(3) not null, constraint "statistics_target_pkey" primary key ("id"));`);
    this.addSql(`alter table "statistics_target" add constraint "statistics_target_agency_id_statistical_year_unique" unique ("agency_id", "statistical_year");`);

    this.addSql(`create table "case_state_history" ("id" bigserial primary key, "case_id" uuid not null, "valid_from" timestamptz(3) not null, "valid_to" timestamptz(3) null, "status" "case_status" not null, "lead_agency_id" uuid not null, "commune_id" uuid not null, "officer_id" uuid null, "amount_owed" bigint not null, "amount_collected" bigint not null, "accepted_at" timestamptz(3) null);`);
    this.addSql(`create index "case_state_history_valid_from_valid_to_index" on "case_state_history" ("valid_from", "valid_to");`);
    this.addSql(`create unique index "case_state_history_current_idx" on "case_state_history" ("case_id") where "valid_to" is null;`);
    this.addSql(`create index "case_state_history_case_id_valid_from_index" on "case_state_history" ("case_id", "valid_from");`);

    this.addSql(`alter table "statistics_target" add constraint "statistics_target_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "statistics_target" add constraint "statistics_target_set_by_id_foreign" foreign key ("set_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "case_state_history" add constraint "case_state_history_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "case_state_history" add constraint "case_state_history_lead_agency_id_foreign" foreign key ("lead_agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "case_state_history" add constraint "case_state_history_commune_id_foreign" foreign key ("commune_id") references "area" ("id") on update cascade;`);
    this.addSql(`alter table "case_state_history" add constraint "case_state_history_officer_id_foreign" foreign key ("officer_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter type "case_status" add value if not exists 'ENTRUSTED' after 'RETURNED';`);

    // Backfill: each existing case enters the history with its current state, from its acceptance
    // (the decision date, 00:00 Viet Nam time) or its creation, whichever is earlier. Earlier states
    // of existing cases are not reconstructed; every change from now on is recorded as it commits.
    this.addSql(`insert into "case_state_history" ("case_id", "valid_from", "status", "lead_agency_id", "commune_id", "officer_id", "amount_owed", "amount_collected", "accepted_at")
      select c."id", s."since", c."status", c."lead_agency_id", c."commune_id", c."officer_id",
             coalesce((select sum(o."amount_owed") from "obligation" o where o."case_id" = c."id"), 0),
             coalesce((select sum(o."amount_collected") from "obligation" o where o."case_id" = c."id"), 0),
             case when c."status" <> 'RECEIVED' then s."since" end
        from "enforcement_case" c
        cross join lateral (select least(c."created_at", (c."decision_date"::timestamp at time zone 'Asia/Ho_Chi_Minh')) as "since") s;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "statistics_target" cascade;`);

    this.addSql(`drop table if exists "case_state_history" cascade;`);
  }

}
