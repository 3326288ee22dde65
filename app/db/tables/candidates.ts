// Tables of the candidates context; keep in step with its migrations.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CandidateTables {}
