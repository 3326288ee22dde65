import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Several portal processes may share one PostgreSQL (README,
// "Più istanze"). Each process registers a row here and, while it lives, holds a session advisory
// lock keyed on its id: PostgreSQL releases it when the process or its connection dies, so
// "alive" is never a guess based on clocks. Imports record the process that runs them, so a
// starting process closes only the imports of dead ones. job_leases: one row per periodic job,
// claimed atomically, so each job runs once per period whatever the number of processes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table server_instances (
      id integer generated always as identity primary key,
      host text not null,
      pid integer not null,
      started_at timestamptz not null default now()
    );
    create table job_leases (
      name text primary key,
      runs bigint not null default 0,
      last_started_at timestamptz,
      last_finished_at timestamptz,
      instance_id integer
    );
    alter table candidate_imports add column instance_id integer;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table candidate_imports drop column if exists instance_id;
    drop table if exists job_leases, server_instances;
  `).execute(db);
}
