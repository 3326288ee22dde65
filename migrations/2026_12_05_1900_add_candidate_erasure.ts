import { sql, type Kysely } from "kysely";

// Right to erasure (GDPR art. 17) and storage limitation (art. 5(1)(e)). Frozen in time: no imports from app/.
//  - An erased candidate stays as a tombstone row («Candidato cancellato»): shortlists, applications and
//    hires point at it, so employers' and officers' history and the anonymised counts stay consistent.
//  - The audit log stays append-only, with one narrow exception: inside a transaction that sets
//    `rosa.audit_redaction = on`, an UPDATE may change only `details` and `ip` (the personal values),
//    never who acted, when, on what or which action. Deletes and truncation remain refused.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table candidates add column erased_at timestamptz;

    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and current_setting('rosa.audit_redaction', true) = 'on'
         and new.id = old.id and new.at = old.at and new.action = old.action and new.entity_type = old.entity_type
         and new.actor_user_id is not distinct from old.actor_user_id and new.actor_role is not distinct from old.actor_role
         and new.entity_id is not distinct from old.entity_id and new.employer_id is not distinct from old.employer_id then
        return new;
      end if;
      raise exception 'audit_log è in sola aggiunta: % non consentito', tg_op;
    end $$;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log è in sola aggiunta: % non consentito', tg_op;
    end $$;
    alter table candidates drop column erased_at;
  `).execute(db);
}
