/** Client-safe Italian labels of the audit log (issue 12): actions and kinds of data, with a readable fallback. */

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  audit_log: "Registro delle attività",
  candidate: "Candidato",
  candidate_import: "Importazione di candidati",
  employer: "Azienda",
  employer_invitation: "Invito in azienda",
  gap_proposal: "Proposta per colmare un divario",
  info_article: "Pagina informativa",
  l68_certificate: "Certificazione di ottemperanza",
  l68_file: "Fascicolo L. 68/99",
  l68_obligation: "Obbligo di assunzione L. 68/99",
  l68_prospetto: "Prospetto informativo",
  l68_record: "Pratica L. 68/99",
  l68_workspace: "Aziende obbligate della provincia",
  needs_assessment: "Consulenza sui fabbisogni",
  needs_figure: "Figura professionale",
  report: "Rapporto",
  service_delivery: "Servizio erogato",
  service_request: "Richiesta di servizio",
  shortlist: "Rosa di candidati",
  shortlist_candidate: "Candidato in una rosa",
  user: "Utente",
  vacancy: "Offerta di lavoro",
  vacancy_application: "Candidatura",
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "audit.viewed": "Consultazione del registro delle attività",
  "auth.login": "Accesso",
  "auth.login_failed": "Accesso non riuscito",
  "auth.logout": "Uscita",
  "application.submitted": "Candidatura inviata",
  "application.list_viewed": "Consultazione delle candidature",
  "application.accept": "Candidatura accolta",
  "application.reject": "Candidatura respinta",
  "assessment.result": "Esito di una verifica registrato",
  "assessment.step_add": "Passo del piano di verifica aggiunto",
  "candidate.account_activated": "Account del candidato attivato",
  "candidate.account_invited": "Candidato invitato ad attivare l'account",
  "candidate.created": "Candidato inserito",
  "candidate.cv_confirmed": "CV confermato",
  "candidate.cv_uploaded": "CV caricato",
  "candidate.erased": "Candidato reso anonimo",
  "candidate.health_updated": "Dati di salute aggiornati",
  "candidate.import_refused": "Importazione rifiutata",
  "candidate.imported": "Candidati importati",
  "candidate.updated": "Candidato modificato",
  "candidates.generated": "Candidati dimostrativi generati",
  "candidates.searched": "Ricerca nei CV",
  "employer.registered": "Azienda registrata",
  "employer.validate": "Azienda convalidata",
  "employer.reject": "Registrazione respinta",
  "employer.resubmit": "Registrazione inviata di nuovo",
  "employer.user_invited": "Collega o consulente invitato",
  "gap_proposal.create": "Proposta per colmare un divario",
  "gap_proposal.outcome": "Esito della proposta",
  "hire.record": "Assunzione registrata",
  "l68.certificate_downloaded": "Certificazione scaricata",
  "l68.file_viewed": "Fascicolo L. 68/99 consultato",
  "l68.prospetto_submitted": "Prospetto informativo inviato",
  "l68.protected_worker_hired": "Assunzione di un lavoratore protetto",
  "l68.quota_computed": "Quota di riserva calcolata",
  "l68.recomputed": "Quota ricalcolata",
  "l68.record_document_downloaded": "Documento di una pratica scaricato",
  "l68.records_exported": "Pratiche esportate",
  "l68.workspace_exported": "Aziende obbligate esportate",
  "matching.run": "Abbinamento eseguito",
  "needs_assessment.created": "Consulenza sui fabbisogni registrata",
  "needs_assessment.downloaded": "Consulenza sui fabbisogni scaricata",
  "needs_figure.vacancy_draft": "Bozza di offerta da una figura",
  "preselection.figures_export": "Cifre della preselezione esportate",
  "service_delivery.exported": "Registro dei servizi esportato",
  "service_delivery.recorded": "Servizio registrato",
  "service_request.screening": "Questionario dei servizi compilato",
  "service_request.take": "Richiesta presa in carico",
  "service_request.done": "Richiesta conclusa",
  "service_request.cancel": "Richiesta annullata",
  "shortlist.create": "Rosa creata",
  "shortlist.employer_view": "Rosa consultata dall'azienda",
  "shortlist.export_pdf": "Rosa scaricata in PDF",
  "shortlist.present": "Rosa presentata all'azienda",
  "shortlist.view": "Rosa consultata",
  "shortlist.candidate.contact_attempt": "Tentativo di contatto",
  "user.created": "Utente creato",
  "user.password_changed": "Password cambiata",
  "vacancy.created": "Offerta creata",
  "vacancy.updated": "Offerta modificata",
  "vacancy.exported_bcnl": "Offerta esportata (ClicLavoro)",
  "vacancy.reminder_sent": "Promemoria di scadenza inviato",
  "vacancy.submit": "Offerta inviata al Centro per l'Impiego",
  "vacancy.validate": "Offerta convalidata",
  "vacancy.return": "Offerta rimandata all'azienda",
  "vacancy.publish": "Offerta pubblicata",
  "vacancy.close": "Offerta chiusa",
};

const VERB_LABELS: Record<string, string> = {
  created: "creazione",
  create: "creazione",
  updated: "modifica",
  viewed: "consultazione",
  view: "consultazione",
  exported: "esportazione",
  downloaded: "scaricamento",
};

/** The Italian label of an action; an unknown one reads «<dato>: <azione>» rather than a code. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const [head, ...rest] = action.split(".");
  const tail = rest.join(".");
  const entity = AUDIT_ENTITY_LABELS[head] ?? (head === "l68" ? "L. 68/99" : head);
  return `${entity}: ${VERB_LABELS[tail] ?? tail.replace(/[._]/g, " ")}`;
}

export function auditEntityLabel(entityType: string): string {
  return AUDIT_ENTITY_LABELS[entityType] ?? entityType.replace(/_/g, " ");
}
