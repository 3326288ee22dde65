/** Attendance of one member at one session. */
export const ATTENDANCES = ["present", "absent_justified", "absent_unjustified"] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: "Presente",
  absent_justified: "Assente giustificato",
  absent_unjustified: "Assente non giustificato",
};

/** Justified reasons (DM 2 agosto 2022 list, as default): the form offers them, «altro» takes free text. */
export const ABSENCE_REASONS = [
  "Malattia o infortunio",
  "Servizio civile o militare",
  "Gravidanza o congedo previsto dalla legge",
  "Convocazione in tribunale",
  "Gravi e documentati motivi familiari",
  "Limiti legali alla mobilità",
  "Altro impedimento oggettivo documentato",
] as const;
