import { sql, type Kysely } from "kysely";

// Outplacement (4E), what follows the plan (docs/decisions/outplacement.md «Firma, contatti mensili, assenze, comitato»):
// the plan signed by the worker uploaded as a PDF with its hash, the monthly check-in of each worker, the training
// absence bands (25/50/80 %) on the conditionality events they open, and the meetings of the event's steering committee.
// Frozen in time: no imports from app/.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table outplacement_plans
      add column signed_pdf_sha256 text,
      add column signed_pdf_size integer,
      add column signed_pdf_uploaded_by uuid references users(id),
      add column signed_pdf_uploaded_at timestamptz,
      add constraint outplacement_plans_signed_pdf_hash check ((signed_pdf is null) = (signed_pdf_sha256 is null));

    create table outplacement_checkins (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      contacted_on date not null,
      channel text not null check (channel in ('phone','email','in_person','video','sms')),
      outcome text not null check (outcome in ('searching','interviews','job_offer','obstacles','not_reached')),
      summary text not null check (length(summary) between 5 and 2000),
      applications_sent integer check (applications_sent between 0 and 500),
      interviews integer check (interviews between 0 and 100),
      next_step text not null check (length(next_step) between 3 and 1000),
      next_step_on date,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index outplacement_checkins_member on outplacement_checkins (member_id, contacted_on desc);

    alter table outplacement_conditionality_events
      add column action_id uuid references outplacement_plan_actions(id) on delete set null,
      add column training_band smallint check (training_band between 1 and 3),
      add column absence_pct numeric(5,1),
      add constraint outplacement_conditionality_band check ((training_band is null) = (action_id is null)),
      add constraint outplacement_conditionality_one_band unique (action_id, training_band);

    create table outplacement_steering_meetings (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references outplacement_events(id) on delete cascade,
      held_on date not null,
      participants jsonb not null default '{}'::jsonb,
      minutes text not null check (length(minutes) between 10 and 20000),
      decisions text not null default '' check (length(decisions) <= 5000),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index outplacement_steering_meetings_event on outplacement_steering_meetings (event_id, held_on desc);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists outplacement_steering_meetings, outplacement_checkins;
    alter table outplacement_conditionality_events
      drop constraint outplacement_conditionality_one_band,
      drop constraint outplacement_conditionality_band,
      drop column absence_pct, drop column training_band, drop column action_id;
    alter table outplacement_plans
      drop constraint outplacement_plans_signed_pdf_hash,
      drop column signed_pdf_uploaded_at, drop column signed_pdf_uploaded_by, drop column signed_pdf_size, drop column signed_pdf_sha256;
  `).execute(db);
}
