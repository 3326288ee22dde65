import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The addendum (integrazione) of a PFI signed by the three parties: an extension
// or a change of the project, re-checked against the rules, signed again by the three parties and applied to the
// internship only when the third signature is recorded (docs/decisions/tirocini.md#addendum). Also the reminders the
// promoter was sent, so the daily e-mail does not repeat them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table internship_addenda (
      id uuid primary key default gen_random_uuid(),
      internship_id uuid not null references internships(id) on delete cascade,
      sequence smallint not null check (sequence >= 1),
      kind text not null check (kind in ('extension','change')),
      state text not null default 'awaiting_signatures' check (state in ('awaiting_signatures','applied','withdrawn')),
      extension_months smallint check (extension_months between 1 and 24),
      previous_end_date date,
      new_end_date date,
      previous_planned_months numeric(4,1),
      new_planned_months numeric(4,1),
      -- For a change: the PFI columns changed, before and after ({"column": {"from": …, "to": …}}).
      changes jsonb not null default '{}',
      reason text not null check (length(reason) between 5 and 2000),
      check_result jsonb not null,
      document_hash text not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      closed_by uuid references users(id) on delete set null,
      version integer not null default 1,
      unique (internship_id, sequence),
      constraint internship_addenda_extension check ((kind = 'extension') = (extension_months is not null))
    );
    create unique index internship_addenda_open on internship_addenda (internship_id) where state = 'awaiting_signatures';

    -- An addendum's signatures belong to that addendum: each one is signed by the three parties.
    alter table internship_signatures add column addendum_id uuid references internship_addenda(id) on delete cascade;
    alter table internship_signatures add constraint internship_signatures_addendum
      check ((document = 'addendum') = (addendum_id is not null));
    drop index internship_signatures_live;
    create unique index internship_signatures_live on internship_signatures
      (coalesce(convention_id, internship_id), document, coalesce(addendum_id, '00000000-0000-0000-0000-000000000000'::uuid), party)
      where voided_at is null;

    -- The reminders e-mailed to the promoter's officers: one row per internship, kind and due day.
    create table internship_reminders_sent (
      internship_id uuid not null references internships(id) on delete cascade,
      kind text not null check (length(kind) <= 40),
      due_key text not null check (length(due_key) <= 40),
      sent_at timestamptz not null default now(),
      primary key (internship_id, kind, due_key)
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table internship_reminders_sent;
    delete from internship_signatures where document = 'addendum';
    drop index internship_signatures_live;
    create unique index internship_signatures_live on internship_signatures
      (coalesce(convention_id, internship_id), document, party) where voided_at is null;
    alter table internship_signatures drop constraint internship_signatures_addendum;
    alter table internship_signatures drop column addendum_id;
    drop table internship_addenda;
  `).execute(db);
}
