import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Outplacement outcomes (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata):
// one row per outcome of a cohort member (a fixed-term job can end and the worker search again: the history stays),
// with the CO data of the contract and where the outcome comes from; the follow-ups done at 3, 6 and 12 months from t0.
// No free text: the aggregated views read these tables and must not carry notes about a person.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table outplacement_outcomes (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      type text not null check (type in ('EMPLOYED_OPEN_ENDED','EMPLOYED_FIXED_GE6M','EMPLOYED_FIXED_LT6M','REHIRED_SAME_EMPLOYER',
        'SELF_EMPLOYED','IN_TRAINING','RETIRED','OTHER_INACTIVE','MOVED_AWAY','DECEASED','EXITED_SANCTION','WITHDRAWN','STILL_SEARCHING')),
      state text not null default 'DECLARED' check (state in ('DECLARED','VERIFIED','REJECTED','ENDED')),
      start_on date not null,
      end_on date check (end_on is null or end_on >= start_on),
      -- Tipologia contrattuale of the comunicazione obbligatoria (A.01.00 …) and the CO's own code when known.
      contract_type text check (contract_type is null or contract_type ~ '^([A-Z]\\.[0-9]{2}\\.[0-9]{2}|SOMM|AUTONOMO)$'),
      co_code text check (co_code is null or co_code ~ '^[A-Za-z0-9/-]{4,40}$'),
      weekly_hours numeric(5,2) check (weekly_hours is null or weekly_hours between 0.5 and 60),
      cp_code text check (cp_code is null or cp_code ~ '^[0-9][0-9.]{0,19}$'),
      employer_name text check (employer_name is null or length(employer_name) between 1 and 200),
      employer_tax_code text check (employer_tax_code is null or employer_tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
      source text not null check (source in ('SELF_DECLARED','PROVIDER','EMPLOYER','CO_VERIFIED')),
      verified_on date,
      hire_id uuid unique references hires(id) on delete set null,
      version integer not null default 1,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index outplacement_outcomes_member on outplacement_outcomes (member_id, start_on);

    create table outplacement_followups (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      months smallint not null check (months in (3, 6, 12)),
      due_on date not null,
      done_on date not null,
      channel text not null check (channel in ('co','phone','email','meeting')),
      employed boolean not null,
      satisfaction smallint check (satisfaction is null or satisfaction between 1 and 5),
      done_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (member_id, months)
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table outplacement_followups;
    drop table outplacement_outcomes;
  `).execute(db);
}
