import { sql, type Kysely } from "kysely";

// A labour consultant serves many companies with one account: delegations become rows of their own
// (many-to-many, revocable, with who granted and who revoked them). Colleagues and legal representatives
// still belong to one company through users.employer_id; a delegate's users.employer_id is null.
// The session remembers the company the user is working for; it is checked against the live
// delegations on every request. A validated company that changes codice fiscale or ragione sociale
// goes back to validation with what changed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table employer_delegations (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employers(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      granted_by uuid references users(id),
      granted_at timestamptz not null default now(),
      revoked_by uuid references users(id),
      revoked_at timestamptz
    );
    create unique index employer_delegations_live on employer_delegations (employer_id, user_id) where revoked_at is null;
    create index employer_delegations_user on employer_delegations (user_id) where revoked_at is null;

    insert into employer_delegations (employer_id, user_id, granted_by, granted_at)
      select u.employer_id, u.id,
        (select i.invited_by from employer_invitations i
          where i.employer_id = u.employer_id and i.email = u.email and i.accepted_at is not null
          order by i.accepted_at desc limit 1),
        u.created_at
      from users u where u.employer_role = 'delegate' and u.employer_id is not null;
    -- Every grant is in the audit log, these included.
    insert into audit_log (actor_role, action, entity_type, entity_id, employer_id, details)
      select 'system', 'employer.delegation_granted', 'employer_delegation', d.id::text, d.employer_id,
        jsonb_build_object('userId', d.user_id, 'grantedBy', d.granted_by, 'migrated', true)
      from employer_delegations d;

    alter table users drop constraint employer_users_belong;
    update users set employer_id = null where employer_role = 'delegate';
    alter table users add constraint employer_users_belong check (
      (role = 'employer') = (employer_role is not null)
      and (role <> 'employer' or (employer_role = 'delegate') = (employer_id is null))
    );

    alter table sessions add column active_employer_id uuid references employers(id) on delete set null;
    alter table employers add column revalidation_changes jsonb;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table employers drop column revalidation_changes;
    alter table sessions drop column active_employer_id;
    alter table users drop constraint employer_users_belong;
    -- One company per delegate again: the oldest live delegation; a delegate left with only revoked ones
    -- keeps the last company but is disabled.
    update users u set employer_id = d.employer_id, active = u.active and d.revoked_at is null
      from (select distinct on (user_id) user_id, employer_id, revoked_at from employer_delegations
            order by user_id, revoked_at is not null, granted_at) d
      where u.id = d.user_id and u.employer_role = 'delegate';
    drop table employer_delegations;
    alter table users add constraint employer_users_belong check ((role = 'employer') = (employer_id is not null and employer_role is not null));
  `).execute(db);
}
