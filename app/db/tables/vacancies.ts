import type { ColumnValue } from "../types";

// Names for the vacancies context's column unions; the tables are in ../schema.generated.ts.

export type { Vacancies as VacanciesTable } from "../schema.generated";

export type VacancyStatus = ColumnValue<"vacancies", "status">;
export type VacancyOutcome = ColumnValue<"vacancies", "outcome">;
export type PublicationMode = ColumnValue<"vacancies", "publication_mode">;
export type WorkingTime = ColumnValue<"vacancies", "working_time">;
export type PayPeriod = ColumnValue<"vacancies", "pay_period">;
export type L68Reserved = ColumnValue<"vacancies", "l68_reserved">;
export type RequirementKind = ColumnValue<"vacancy_requirements", "kind">;
export type ServiceRequestCode = ColumnValue<"service_requests", "service_code">;
export type ServiceQueue = ColumnValue<"service_requests", "queue">;
export type ServiceRequestStatus = ColumnValue<"service_requests", "status">;
export type DeliveryModality = ColumnValue<"service_deliveries", "modality">;
export type InfoCategory = ColumnValue<"info_articles", "category">;
export type ApplicationStatus = ColumnValue<"vacancy_applications", "status">;
