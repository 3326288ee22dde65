import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. «Voglio fare un colloquio» says either when (a future date
// and time fixed by the employer) or that the CPI arranges it; nothing claims a fixed interview
// when none was fixed. Older interview feedback has neither (shown as «da fissare»).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table employer_feedback
      add column interview_at timestamptz,
      add column interview_arranged_by text check (interview_arranged_by in ('employer','cpi')),
      add constraint employer_feedback_interview_arrangement check (
        interview_arranged_by is null
        or (decision = 'interview' and (interview_arranged_by = 'employer') = (interview_at is not null))
      );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table employer_feedback
      drop constraint if exists employer_feedback_interview_arrangement,
      drop column if exists interview_arranged_by,
      drop column if exists interview_at;
  `).execute(db);
}
