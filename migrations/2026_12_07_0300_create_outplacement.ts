import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Outplacement of workers made redundant (Trento 4E «Ricollocazione»,
// docs/decisions/outplacement.md): the redundancy event (collective dismissal, CIGS, site closure, GOL group),
// its legal milestones, the workers of its cohort and their consents. Two new roles: the accredited provider's
// operator (sees only the workers assigned to them) and the union representative (aggregates only).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('employer','preselection_officer','placement_officer','admin','candidate','outplacement_provider','union_representative'));
    -- The provider's organisation (ente accreditato) and the union (e.g. «FIOM-CGIL Milano»): shown next to the name.
    alter table users add column organisation text;

    -- The redundancy event (esubero). Dates are the legal triggers of the milestones (app/domain/outplacement/milestones.ts).
    create table outplacement_events (
      id uuid primary key default gen_random_uuid(),
      type text not null check (type in ('collective_dismissal_l223','cigs_transition_22ter','cigs_relocation_24bis',
        'site_closure_l234','cigs_other','multi_employer_gol_p5')),
      employer_id uuid not null references employers(id) on delete restrict,
      title text not null check (length(title) between 3 and 200),
      -- [{ label, address, comuneCode, comune, province }]: the sites concerned, with their ISTAT comune.
      sites jsonb not null default '[]'::jsonb check (jsonb_typeof(sites) = 'array'),
      -- Derived from the sites (and the other employers' sites of a GOL group): the officer list filters on it.
      provinces text[] not null default '{}',
      headcount_total integer check (headcount_total between 0 and 1000000),
      surplus_announced integer check (surplus_announced between 0 and 1000000),
      surplus_final integer check (surplus_final between 0 and 1000000),
      -- Legal dates: opening communication (L. 223 art. 4 c. 2) or notice (L. 234/2021) or CIGS application.
      communication_on date,
      union_request_on date,
      union_phase_end_on date,
      plan_received_on date,
      first_dismissal_on date,
      procedure_end_on date,
      cigs_from date,
      cigs_to date,
      -- Union agreement (accordo sindacale) and its outplacement clauses.
      agreement_on date,
      agreement_type text check (agreement_type in ('esame_congiunto','sede_amministrativa','accordo_22ter','accordo_24bis','piano_l234','altro')),
      agreement_document_ref text check (length(agreement_document_ref) <= 200),
      agreement_outplacement_clauses text check (length(agreement_outplacement_clauses) <= 4000),
      -- Outplacement paid by the dismissing employer (provider chosen by the agreement, budget in euro cents).
      employer_funded boolean not null default false,
      employer_funded_provider text check (length(employer_funded_provider) <= 200),
      employer_funded_budget_cents bigint check (employer_funded_budget_cents >= 0),
      state text not null default 'draft' check (state in ('draft','announced','union_phase','admin_phase','plan_exam',
        'agreement_signed','closed_no_agreement','cohort_active','monitoring','closed','cancelled')),
      state_note text,
      state_changed_at timestamptz not null default now(),
      -- Proposed by the employer from its area: a draft until an officer validates it.
      proposed_by_employer boolean not null default false,
      validated_by uuid references users(id) on delete set null,
      validated_at timestamptz,
      -- The cohort coordinator: an officer owning the event (a scope, not a role).
      coordinator_user_id uuid references users(id) on delete set null,
      -- L. 68/1999 quota suspension for the dismissing employer (record of the L. 68 module).
      l68_record_id uuid references l68_records(id) on delete set null,
      -- A site closure (L. 234) ended without a plan may continue as a collective dismissal.
      previous_event_id uuid references outplacement_events(id) on delete set null,
      notes text check (length(notes) <= 4000),
      version integer not null default 1,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint outplacement_events_funded check (employer_funded or (employer_funded_provider is null and employer_funded_budget_cents is null)),
      constraint outplacement_events_surplus check (surplus_announced is null or headcount_total is null or surplus_announced <= headcount_total),
      constraint outplacement_events_cigs check (cigs_to is null or cigs_from is null or cigs_to >= cigs_from)
    );
    create index outplacement_events_state on outplacement_events (state, created_at desc);
    create index outplacement_events_employer on outplacement_events (employer_id);
    create index outplacement_events_provinces on outplacement_events using gin (provinces);
    create index outplacement_events_coordinator on outplacement_events (coordinator_user_id);

    -- GOL percorso 5 groups: the other employers of a multi-employer event (the main one is outplacement_events.employer_id).
    create table outplacement_event_employers (
      event_id uuid not null references outplacement_events(id) on delete cascade,
      employer_id uuid not null references employers(id) on delete restrict,
      primary key (event_id, employer_id)
    );
    create index outplacement_event_employers_employer on outplacement_event_employers (employer_id);

    -- Union representatives linked to an event: they see its aggregates only.
    create table outplacement_event_unions (
      event_id uuid not null references outplacement_events(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (event_id, user_id)
    );
    create index outplacement_event_unions_user on outplacement_event_unions (user_id);

    -- The workers of the event (cohort). candidate_id links the CV database once the person is found there.
    create table outplacement_members (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references outplacement_events(id) on delete cascade,
      candidate_id uuid references candidates(id) on delete set null,
      codice_fiscale text not null check (codice_fiscale ~ '^[A-Z0-9]{16}$'),
      first_name text not null check (length(first_name) between 1 and 100),
      last_name text not null check (length(last_name) between 1 and 100),
      birth_date date,
      sex text check (sex in ('F','M')),
      email text,
      phone text,
      residence_comune_code text references comuni(istat_code),
      residence_province text check (residence_province ~ '^[A-Z]{2}$'),
      -- Site outside the territory and not resident in it: stored, excluded from the territory's services.
      other_territory boolean not null default false,
      site text check (length(site) <= 200),
      qualification text check (length(qualification) <= 200),
      cp2021_code text check (cp2021_code ~ '^[0-9](\\.[0-9]+){0,4}$'),
      level text check (length(level) <= 50),
      ccnl text check (length(ccnl) <= 100),
      situation text not null check (situation in ('dismissed','notice_period','cigs_zero_hours','cigs_partial','voluntary_exit')),
      t0_on date,
      dismissal_on date,
      cigs_from date,
      cigs_to date,
      naspi boolean,
      naspi_applied_on date,
      -- Art. 14 GDPR information notice: when and how.
      notice_sent_on date,
      notice_channel text check (notice_channel in ('pec','email','raccomandata','consegna_a_mano','sms','app')),
      informed_on date,
      gol_assessment_on date,
      gol_path smallint check (gol_path between 1 and 5),
      patto_signed_on date,
      assigned_provider_user_id uuid references users(id) on delete set null,
      case_manager_user_id uuid references users(id) on delete set null,
      -- Priority label «ricollocazione» for matching, and the re-hiring precedence window.
      priority_from date,
      priority_to date,
      state text not null default 'imported' check (state in ('imported','contacted','informed','unreachable','in_intake',
        'plan_draft','active','in_training','suspended','placed','exited_sanction','exited_retired','transferred','withdrawn','closed')),
      state_note text,
      version integer not null default 1,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (event_id, codice_fiscale),
      constraint outplacement_members_cigs check (cigs_to is null or cigs_from is null or cigs_to >= cigs_from),
      constraint outplacement_members_priority check (priority_to is null or priority_from is null or priority_to >= priority_from)
    );
    create index outplacement_members_event on outplacement_members (event_id, state);
    create index outplacement_members_provider on outplacement_members (assigned_provider_user_id);
    create index outplacement_members_candidate on outplacement_members (candidate_id);
    create index outplacement_members_cf on outplacement_members (codice_fiscale);

    -- Legal and operational deadlines of the event (and of a member, member_id set). The due date is computed
    -- from the event's dates (computed_due_on) and may be changed by the coordinator with a note (due_on).
    -- item tells apart several deadlines of one rule (e.g. union_request / union_end, one per dismissal date).
    create table outplacement_event_milestones (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references outplacement_events(id) on delete cascade,
      member_id uuid references outplacement_members(id) on delete cascade,
      rule_id text not null check (rule_id in ('L223-UNION','L223-ADMIN','L223-LIST','L223-WINDOW','L223-PRECEDENCE','L68-SUSP',
        'L234-PLAN','ADR-24BIS','NASPI-CONTACT','INFO','INTAKE','PLAN','BILANCIO','REVIEW','TRAINING-ABS','DEVIATION','FOLLOWUP',
        'FINAL-REPORT')),
      item text not null default '',
      starts_on date,
      computed_due_on date,
      due_on date not null,
      done_on date,
      note text check (length(note) <= 2000),
      edited_by uuid references users(id) on delete set null,
      edited_at timestamptz,
      reminded_d7_at timestamptz,
      reminded_d1_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index outplacement_event_milestones_key
      on outplacement_event_milestones (event_id, rule_id, item, coalesce(member_id, '00000000-0000-0000-0000-000000000000'::uuid));
    create index outplacement_event_milestones_due on outplacement_event_milestones (due_on) where done_on is null;

    -- Consents of a member (F-20): sharing individual data with the dismissing employer, hiring employers, providers.
    create table outplacement_consents (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      kind text not null check (kind in ('share_with_dismissing_employer','share_with_hiring_employers','share_with_provider','contact_digital')),
      given_on date not null,
      revoked_on date,
      recorded_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint outplacement_consents_dates check (revoked_on is null or revoked_on >= given_on)
    );
    create index outplacement_consents_member on outplacement_consents (member_id, kind);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists outplacement_consents, outplacement_event_milestones, outplacement_members, outplacement_event_unions,
      outplacement_event_employers, outplacement_events cascade;
    delete from users where role in ('outplacement_provider','union_representative');
    alter table users drop column if exists organisation;
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('employer','preselection_officer','placement_officer','admin','candidate'));
  `).execute(db);
}
