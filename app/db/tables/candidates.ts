import type { Selectable } from "kysely";
import type { Candidates } from "../schema.generated";
import type { ColumnValue } from "../types";

// Names for the candidates context's column unions; the tables are in ../schema.generated.ts.

export type WorkTime = ColumnValue<"candidates", "work_time">;
export type ProtectedCategory = ColumnValue<"candidates", "protected_category">;
export type PreferenceSource = ColumnValue<"candidate_preferences", "source">;
export type CefrLevel = ColumnValue<"candidate_languages", "level">;
export type ItSkillLevel = ColumnValue<"candidate_it_skills", "level">;
export type CandidateImportStatus = ColumnValue<"candidate_imports", "status">;
export type ConsentPurpose = ColumnValue<"user_consents", "purpose">;

export type Candidate = Selectable<Candidates>;
