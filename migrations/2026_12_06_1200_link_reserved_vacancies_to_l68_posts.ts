import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Issue 13, last item:
// - a vacancy reserved to the collocamento mirato (art. 1 L. 68/1999) may describe one of the
//   employer's structured available posts (the post the quota obliges to fill): the placement
//   officer matches it against the province's list and refers people to that post. The composite
//   foreign key keeps the post of the same employer; a withdrawn post stays linked (history), a
//   deleted one unlinks;
// - the health data of an enrolled person can be corrected after the enrolment: a version number
//   (optimistic lock) and the replaced versions in a table of their own (health data too: placement
//   officers only).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_available_posts add constraint l68_available_posts_id_employer unique (id, employer_id);
    alter table vacancies add column l68_post_id uuid;
    alter table vacancies add constraint vacancies_l68_post_fk foreign key (l68_post_id, employer_id)
      references l68_available_posts (id, employer_id) on delete set null (l68_post_id);
    alter table vacancies add constraint vacancies_l68_post_art1 check (l68_post_id is null or l68_reserved = 'art1');
    create index vacancies_l68_post on vacancies (l68_post_id) where l68_post_id is not null;

    alter table l68_enrolment_health add column version integer not null default 1;
    create table l68_enrolment_health_versions (
      enrolment_id uuid not null references l68_enrolments(id) on delete cascade,
      version integer not null,
      disability_category text not null,
      disability_percent numeric(5,2) not null,
      functional_diagnosis text not null,
      capacities text[] not null,
      night_shifts_ok boolean not null,
      needs_barrier_free boolean not null,
      needs_public_transport boolean not null,
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz not null,
      replaced_by uuid references users(id) on delete set null,
      replaced_at timestamptz not null default now(),
      primary key (enrolment_id, version)
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists l68_enrolment_health_versions;
    alter table l68_enrolment_health drop column if exists version;
    alter table vacancies drop column if exists l68_post_id;
    alter table l68_available_posts drop constraint if exists l68_available_posts_id_employer;
  `).execute(db);
}
