import { sql, type Kysely } from "kysely";

// Preselection (issue 5): shortlists ("rose") with the search that produced them,
// per-candidate states, availability checks, employer feedback, gap proposals,
// assessment plans (4D) and hires. Frozen in time: no imports from app/.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table shortlists (
      id uuid primary key default gen_random_uuid(),
      vacancy_id uuid not null references vacancies(id),
      employer_id uuid not null references employers(id),
      title text not null check (length(title) between 1 and 120),
      status text not null default 'open' check (status in ('open','presented','closed')),
      -- What produced the list: conditions, filters, sort, relaxed requirements, counts.
      search_snapshot jsonb not null,
      -- The ranked results with scores and explanations at that moment.
      results_snapshot jsonb not null,
      index_uid text not null,
      settings_version integer not null,
      created_by uuid not null references users(id),
      presented_at timestamptz,
      presented_by uuid references users(id),
      closed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index shortlists_vacancy on shortlists (vacancy_id);
    create index shortlists_employer on shortlists (employer_id, status);

    create table shortlist_candidates (
      id uuid primary key default gen_random_uuid(),
      shortlist_id uuid not null references shortlists(id) on delete cascade,
      candidate_id uuid not null references candidates(id),
      rank smallint not null,
      score smallint not null,
      explanation jsonb not null,
      state text not null default 'proposed' check (state in ('proposed','contacting','available','not_available','unreachable',
        'not_interested','presented','interview','selected','hired','not_selected','withdrew')),
      availability_deadline timestamptz,
      candidate_response text check (candidate_response in ('confirmed','declined')),
      candidate_responded_at timestamptz,
      -- The candidate agreed that this employer sees their contact details.
      contact_consent boolean not null default false,
      presented_at timestamptz,
      outcome_reason text,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (shortlist_id, candidate_id)
    );
    create index shortlist_candidates_candidate on shortlist_candidates (candidate_id, presented_at);

    create table shortlist_transitions (
      id bigserial primary key,
      shortlist_candidate_id uuid not null references shortlist_candidates(id) on delete cascade,
      event text not null,
      from_state text not null,
      to_state text not null,
      actor_kind text not null check (actor_kind in ('officer','employer','candidate','system')),
      actor_user_id uuid references users(id),
      note text,
      at timestamptz not null default now()
    );
    create index shortlist_transitions_candidate on shortlist_transitions (shortlist_candidate_id, id);

    create table contact_attempts (
      id uuid primary key default gen_random_uuid(),
      shortlist_candidate_id uuid not null references shortlist_candidates(id) on delete cascade,
      channel text not null check (channel in ('phone','email','sms','in_person','portal')),
      attempted_at timestamptz not null,
      outcome text not null check (outcome in ('available','not_available','not_interested','no_answer','wrong_contact')),
      note text,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );

    create table employer_feedback (
      id uuid primary key default gen_random_uuid(),
      shortlist_candidate_id uuid not null references shortlist_candidates(id) on delete cascade,
      decision text not null check (decision in ('interview','selected','hired','not_selected')),
      reason text check (reason in ('not_reachable','no_show','skills_lacking','experience_insufficient','found_other_job',
        'not_interested','position_filled','other')),
      missing_skills text,
      reason_text text,
      comment text,
      share_with_candidate boolean not null default false,
      given_by uuid references users(id),
      given_at timestamptz not null default now(),
      check (decision <> 'not_selected' or reason is not null)
    );
    create index employer_feedback_candidate on employer_feedback (shortlist_candidate_id);

    -- One row per reminder or alert actually sent: the job is idempotent because of this key.
    create table shortlist_feedback_reminders (
      shortlist_id uuid not null references shortlists(id) on delete cascade,
      kind text not null check (kind in ('employer_reminder','officer_alert')),
      sent_at timestamptz not null default now(),
      primary key (shortlist_id, kind)
    );

    create table gap_proposals (
      id uuid primary key default gen_random_uuid(),
      shortlist_id uuid not null references shortlists(id) on delete cascade,
      shortlist_candidate_id uuid references shortlist_candidates(id) on delete set null,
      gap text not null check (length(gap) between 3 and 500),
      kind text not null check (kind in ('training','internship','relax_requirement')),
      description text not null check (length(description) between 3 and 2000),
      outcome text not null default 'proposed' check (outcome in ('proposed','accepted','declined','done')),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table assessment_steps (
      id uuid primary key default gen_random_uuid(),
      vacancy_id uuid not null references vacancies(id) on delete cascade,
      position smallint not null,
      kind text not null check (kind in ('cv_check','technical_test','interview','reference_check','practical_trial')),
      description text not null default '',
      employer_representative text,
      session_date date,
      unique (vacancy_id, position)
    );

    create table assessment_results (
      step_id uuid not null references assessment_steps(id) on delete cascade,
      shortlist_candidate_id uuid not null references shortlist_candidates(id) on delete cascade,
      decision text not null check (decision in ('passed','failed','on_hold')),
      justification text not null check (length(justification) between 3 and 1000),
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null default now(),
      primary key (step_id, shortlist_candidate_id)
    );

    -- The UNILAV fields the employer will file; one hire per shortlisted person.
    create table hires (
      id uuid primary key default gen_random_uuid(),
      shortlist_candidate_id uuid not null unique references shortlist_candidates(id),
      vacancy_id uuid not null references vacancies(id),
      employer_id uuid not null references employers(id),
      candidate_id uuid not null references candidates(id),
      contract_type text not null,
      start_date date not null,
      end_date date,
      weekly_hours numeric(4,1) not null check (weekly_hours > 0 and weekly_hours <= 48),
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null default now(),
      check (end_date is null or end_date >= start_date)
    );
    create index hires_vacancy on hires (vacancy_id);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists hires, assessment_results, assessment_steps, gap_proposals, shortlist_feedback_reminders,
      employer_feedback, contact_attempts, shortlist_transitions, shortlist_candidates, shortlists;
  `).execute(db);
}
