import { type Kysely, sql } from "kysely";

// Issue 12 (officers): the hire carries the UNILAV fields and who recorded it (employer, or an
// officer on its behalf with the channel of the request); the availability check sends a signed
// one-click link by e-mail or SMS (SMS kept in an outbox: no gateway is connected).
// Existing hires keep working: new columns are nullable; «recorded_as» is backfilled from the
// role of whoever recorded the hire. Frozen in time: no imports from app/.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table hires
      add column working_time_code text check (working_time_code in ('F','P','V','M')),
      add column ccnl_code text,
      add column contract_level text check (length(contract_level) between 1 and 30),
      add column qualification_code text,
      add column gross_annual_pay numeric(10,2) check (gross_annual_pay > 0),
      add column work_comune_code text references comuni(istat_code),
      add column l68_reserved_post boolean,
      add column recorded_as text not null default 'employer' check (recorded_as in ('employer','officer')),
      add column request_channel text check (request_channel in ('telefono','email_pec','sportello')),
      add constraint hires_part_time_hours check (working_time_code is null or working_time_code = 'F' or weekly_hours < 40),
      add constraint hires_officer_channel check (recorded_as = 'officer' or request_channel is null);
    update hires h set recorded_as = 'officer' from users u where u.id = h.recorded_by and u.role <> 'employer';

    create table availability_requests (
      id uuid primary key default gen_random_uuid(),
      shortlist_candidate_id uuid not null references shortlist_candidates(id) on delete cascade,
      channel text not null check (channel in ('email','sms')),
      sent_to text not null,
      expires_at timestamptz not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      answered_at timestamptz,
      answer text check (answer in ('confirmed','declined')),
      check ((answer is null) = (answered_at is null))
    );
    create index availability_requests_row on availability_requests (shortlist_candidate_id, created_at desc);

    create table sms_outbox (
      id bigserial primary key,
      to_number text not null,
      body_text text not null check (length(body_text) <= 480),
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      last_error text
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists sms_outbox, availability_requests;
    alter table hires
      drop constraint if exists hires_officer_channel, drop constraint if exists hires_part_time_hours,
      drop column working_time_code, drop column ccnl_code, drop column contract_level, drop column qualification_code,
      drop column gross_annual_pay, drop column work_comune_code, drop column l68_reserved_post, drop column recorded_as, drop column request_channel;
  `).execute(db);
}
