import { sql, type Kysely } from "kysely";

// Self-applications (4C: "raccogliere e verificare le auto-candidature"): a
// candidate applies once per vacancy; an officer verifies and accepts the
// application into the vacancy's pool or declines it with a reason the candidate sees.
// Frozen in time: no imports from app/.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table vacancy_applications (
      id uuid primary key default gen_random_uuid(),
      vacancy_id uuid not null references vacancies(id),
      candidate_id uuid not null references candidates(id),
      message text,
      status text not null default 'submitted' check (status in ('submitted','accepted','declined')),
      check_requirements boolean,
      check_cv_current boolean,
      check_consent boolean,
      decline_reason text,
      decided_by uuid references users(id),
      decided_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (vacancy_id, candidate_id),
      constraint vacancy_applications_reason check (status <> 'declined' or decline_reason is not null)
    );
    create index vacancy_applications_candidate on vacancy_applications (candidate_id, created_at desc);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table if exists vacancy_applications;`).execute(db);
}
