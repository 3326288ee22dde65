import type { ColumnValue } from "../types";

// Names for the l68 context's column unions; the tables are in ../schema.generated.ts.

export type L68EmployerType = ColumnValue<"l68_files", "employer_type">;
export type L68ProtectedCategory = ColumnValue<"l68_protected_workers", "category">;
export type L68ObligationCause = ColumnValue<"l68_obligations", "cause">;
export type L68ObligationStatus = ColumnValue<"l68_obligations", "status">;
export type L68ObligationResolution = ColumnValue<"l68_obligations", "resolution">;
export type L68RecordKind = ColumnValue<"l68_records", "kind">;
export type L68RecordStatus = ColumnValue<"l68_records", "status">;
