import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Internships (LEP R «Attivazione dei tirocini», docs/legal/tirocini.md): the CPI is
// the promoter (soggetto promotore), the employer the host (soggetto ospitante). An internship request is also a vacancy of
// kind 'internship', so scouting reuses matching, shortlists and availability requests unchanged.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table vacancies add column kind text not null default 'job' check (kind in ('job','internship'));
    create index vacancies_kind on vacancies (kind) where kind <> 'job';

    -- The framework agreement between promoter (the CPI) and host: a PFI can be signed only under an active one.
    create table internship_conventions (
      id uuid primary key default gen_random_uuid(),
      number integer generated always as identity,
      employer_id uuid not null references employers(id) on delete restrict,
      state text not null default 'draft' check (state in ('draft','signed','active','expired','revoked')),
      valid_from date,
      valid_to date,
      -- Host data the convention states (rules §3.1): legal representative and the insurance policies.
      host_representative text check (length(host_representative) <= 200),
      inail_position text check (length(inail_position) <= 100),
      rc_policy text check (length(rc_policy) <= 200),
      promoter_office text check (length(promoter_office) <= 200),
      -- SHA-256 of the PDF frozen for signature; any edit clears it and voids the signatures.
      document_hash text,
      state_reason text check (length(state_reason) <= 2000),
      version integer not null default 1,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint internship_conventions_dates check (valid_to is null or valid_from is null or valid_to >= valid_from)
    );
    create index internship_conventions_employer on internship_conventions (employer_id, state);

    -- One internship = one trainee under one PFI (progetto formativo individuale). The host and trainee flags and the
    -- head-counts are the checker's input (app/domain/internships/checker); its last result is stored with the PFI.
    create table internships (
      id uuid primary key default gen_random_uuid(),
      number integer generated always as identity,
      employer_id uuid not null references employers(id) on delete restrict,
      vacancy_id uuid unique references vacancies(id) on delete set null,
      convention_id uuid references internship_conventions(id) on delete restrict,
      source text not null check (source in ('direct','screening','gap_proposal','officer')),
      service_request_id uuid references service_requests(id) on delete set null,
      gap_proposal_id uuid unique references gap_proposals(id) on delete set null,
      shortlist_candidate_id uuid references shortlist_candidates(id) on delete set null,
      candidate_id uuid references candidates(id) on delete restrict,
      -- The host unit (sede operativa) where the trainee works; its region selects the regional rules.
      site_id uuid references employer_sites(id) on delete set null,
      comune_code text not null,
      region text not null,
      title text not null check (length(title) between 3 and 200),
      occupation_code text not null,
      eqf_level smallint check (eqf_level between 1 and 8),
      ateco_code text,
      activities text not null default '' check (length(activities) <= 8000),
      objectives text not null default '' check (length(objectives) <= 8000),
      competences text not null default '' check (length(competences) <= 8000),
      weekly_hours numeric(5,2) not null check (weekly_hours > 0 and weekly_hours <= 168),
      daily_hours numeric(4,2) not null check (daily_hours > 0 and daily_hours <= 24),
      full_time_weekly_hours numeric(5,2) not null default 40 check (full_time_weekly_hours > 0 and full_time_weekly_hours <= 168),
      planned_months numeric(4,1) not null check (planned_months > 0 and planned_months <= 36),
      start_date date,
      end_date date,
      monthly_indemnity_cents integer not null check (monthly_indemnity_cents >= 0),
      meal_vouchers boolean not null default false,
      seasonal_host boolean not null default false,
      employees_permanent integer not null default 0 check (employees_permanent >= 0),
      employees_fixed_term_counting integer not null default 0 check (employees_fixed_term_counting >= 0),
      -- Trainees of the unit with other promoters, as declared by the host (Rosa's own active ones are counted from here).
      other_active_trainees integer not null default 0 check (other_active_trainees >= 0),
      hires_from_past_trainees integer not null default 0 check (hires_from_past_trainees >= 0),
      dismissals_last_12_months boolean not null default false,
      cig_same_tasks boolean not null default false,
      is_public_administration boolean not null default false,
      trainee_disabled boolean not null default false,
      trainee_disadvantaged boolean not null default false,
      prior_employment_with_host boolean not null default false,
      previous_traineeship_with_host boolean not null default false,
      host_tutor_name text check (length(host_tutor_name) <= 200),
      host_tutor_email text check (length(host_tutor_email) <= 254),
      host_tutor_role text check (length(host_tutor_role) <= 200),
      host_tutor_trainees integer not null default 0 check (host_tutor_trainees >= 0),
      promoter_tutor_id uuid references users(id) on delete set null,
      officer_id uuid references users(id) on delete set null,
      inail_position text check (length(inail_position) <= 100),
      rc_policy text check (length(rc_policy) <= 200),
      -- The checker's output, the date it was run for and the parameter-set note (docs/legal/tirocini.md).
      check_result jsonb,
      checked_at timestamptz,
      state text not null default 'requested' check (state in ('requested','scouting','candidate_chosen','drafting',
        'checks_failed','ready_to_sign','partially_signed','awaiting_authorisation','awaiting_co','active','suspended',
        'interrupted','completed','attested','closed_without_attestation','cancelled','rejected')),
      state_reason text check (length(state_reason) <= 2000),
      state_changed_at timestamptz not null default now(),
      -- SHA-256 of the PFI frozen at ready_to_sign; an edit clears it and voids the signatures.
      document_hash text,
      authorisation_ref text check (length(authorisation_ref) <= 100),
      actual_end_date date,
      interrupted_by text check (interrupted_by in ('trainee','host','promoter')),
      end_reason text check (length(end_reason) <= 2000),
      version integer not null default 1,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint internships_dates check (end_date is null or start_date is null or end_date >= start_date)
    );
    create index internships_state on internships (state, created_at);
    create index internships_employer on internships (employer_id, state);
    create index internships_candidate on internships (candidate_id);
    create index internships_site on internships (site_id, state);

    -- Every move of the state table, with who and why (the case page's timeline).
    create table internship_transitions (
      id bigint generated always as identity primary key,
      internship_id uuid not null references internships(id) on delete cascade,
      event text not null,
      from_state text not null,
      to_state text not null,
      actor_kind text not null check (actor_kind in ('officer','employer','candidate','system')),
      actor_user_id uuid references users(id) on delete set null,
      note text check (length(note) <= 2000),
      at timestamptz not null default now()
    );
    create index internship_transitions_internship on internship_transitions (internship_id, at);

    -- Signatures of the convention, the PFI, an addendum or the attestazione. 'uploaded_pdf' keeps the signed file; the
    -- method leaves room for a qualified e-signature later. A signature is void once the document it signed changes.
    create table internship_signatures (
      id uuid primary key default gen_random_uuid(),
      convention_id uuid references internship_conventions(id) on delete cascade,
      internship_id uuid references internships(id) on delete cascade,
      document text not null check (document in ('convention','pfi','addendum','attestation')),
      party text not null check (party in ('promoter','host','trainee')),
      method text not null check (method in ('uploaded_pdf','in_portal','qualified')),
      signer_name text not null check (length(signer_name) between 2 and 200),
      signed_by uuid references users(id) on delete set null,
      signed_at timestamptz not null default now(),
      document_hash text not null,
      signed_pdf bytea,
      signed_pdf_name text check (length(signed_pdf_name) <= 200),
      voided_at timestamptz,
      constraint internship_signatures_owner check ((convention_id is null) <> (internship_id is null))
    );
    create unique index internship_signatures_live on internship_signatures
      (coalesce(convention_id, internship_id), document, party) where voided_at is null;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table internship_signatures;
    drop table internship_transitions;
    drop table internships;
    drop table internship_conventions;
    drop index vacancies_kind;
    alter table vacancies drop column kind;
  `).execute(db);
}
