import type { ReactNode } from "react";
import type { StoredCv } from "~/domain/candidates/cv";
import { studyLine } from "~/domain/candidates/education";
import { certificateText, cvLicenceLabel } from "~/domain/candidates/cv-codes";
import {
  IT_SKILL_LEVEL_LABELS,
  LANGUAGE_LABELS,
  PREFERENCE_SOURCE_LABELS,
  PROTECTED_CATEGORY_LABELS,
  WORK_TIME_LABELS,
} from "~/domain/candidates/schema";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";

/** The serialised CV as loaders return it (dates as ISO strings), with what the display shows besides the form's fields. */
export interface CvView extends StoredCv {
  candidate: StoredCv["candidate"] & {
    consent_changed_at: string | Date | null;
    cv_updated_at: string | Date;
    obsolete: boolean;
  };
  sections: Omit<StoredCv["sections"], "preferences"> & { preferences: (StoredCv["sections"]["preferences"][number] & { slot: number })[] };
  file: {
    filename: string;
    size_bytes: number;
    sha256: string;
    page_count: number | null;
    uploaded_at: string | Date;
    text_length: number;
  } | null;
}

const yesNo = (v: boolean) => (v ? "sì" : "no");

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-sm-4">{label}</dt>
      <dd className="col-sm-8">{children}</dd>
    </>
  );
}

export function CvFreshness({ candidate }: { candidate: CvView["candidate"] }) {
  return candidate.obsolete ? (
    <span className="badge bg-warning text-dark">CV obsoleto (aggiornato il {formatDate(candidate.cv_updated_at)})</span>
  ) : (
    <span className="badge bg-success">CV aggiornato il {formatDate(candidate.cv_updated_at)}</span>
  );
}

/** The whole CV, read-only; health data is never part of it (a separate block for placement officers). */
export function CandidateCvView({ cv, downloadHref }: { cv: CvView; downloadHref?: string }) {
  const { candidate: c, sections: s } = cv;
  return (
    <>
      <section className="mb-4" aria-labelledby="cv-identity">
        <h2 id="cv-identity" className="h4">
          Dati anagrafici e contatti
        </h2>
        <dl className="row">
          <Row label="Codice fiscale">{c.tax_code}</Row>
          <Row label="Data di nascita">{formatDate(c.birth_date)}</Row>
          <Row label="Domicilio">{[c.domicile_address, c.comune_label].filter(Boolean).join(", ")}</Row>
          <Row label="Telefono">{c.phone ?? "—"}</Row>
          <Row label="E-mail">{c.email ?? "—"}</Row>
          <Row label="Consenso alla visibilità">
            {c.consent_visible ? "Dato" : "Non dato o revocato"}
            {c.consent_changed_at ? ` il ${formatDateTime(c.consent_changed_at)}` : ""}
          </Row>
          {c.protected_category !== null ? (
            <Row label="Collocamento mirato">
              {PROTECTED_CATEGORY_LABELS[c.protected_category as keyof typeof PROTECTED_CATEGORY_LABELS]}
            </Row>
          ) : null}
        </dl>
      </section>

      <section className="mb-4" aria-labelledby="cv-preferences">
        <h2 id="cv-preferences" className="h4">
          Propensioni
        </h2>
        <ol>
          {s.preferences.map((p) => (
            <li key={p.slot} className="mb-2">
              <strong>{p.occupation_label}</strong> ({p.occupation_code}) —{" "}
              {PREFERENCE_SOURCE_LABELS[p.source as keyof typeof PREFERENCE_SOURCE_LABELS]}
              {p.years_experience ? `, ${plural(p.years_experience, "anno", "anni")} di esperienza` : ""}
              {p.last_job_year ? `, ultimo lavoro nel ${p.last_job_year}` : ""}
              {p.ateco_code ? `. Settore: ${p.ateco_code}${p.ateco_title ? ` ${p.ateco_title}` : ""}` : ""}
              {p.interview_date ? `. Colloquio del ${formatDate(p.interview_date)}` : ""}
              {p.notes ? <div className="text-muted">{p.notes}</div> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="mb-4" aria-labelledby="cv-education">
        <h2 id="cv-education" className="h4">
          Istruzione
        </h2>
        <ul>
          {s.education.map((e, i) => (
            <li key={i}>
              {studyLine({
                title: e.title,
                studyLevel: e.study_level,
                studyTitleCode: e.study_title_code,
                studyTitleLabel: e.study_title_label,
              })}
              {e.institution ? `, ${e.institution}` : ""}
              {e.year ? ` (${e.year})` : ""}
            </li>
          ))}
        </ul>
      </section>

      <section className="mb-4" aria-labelledby="cv-experiences">
        <h2 id="cv-experiences" className="h4">
          Esperienze di lavoro
        </h2>
        {s.experiences.length ? (
          <ul>
            {s.experiences.map((e, i) => (
              <li key={i}>
                <strong>{e.occupation_title}</strong> presso {e.employer_name}, dal {formatDate(e.started_on)}{" "}
                {e.ended_on ? `al ${formatDate(e.ended_on)}` : "(in corso)"}
                {e.tasks ? <div className="text-muted">{e.tasks}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nessuna esperienza registrata.</p>
        )}
      </section>

      <section className="mb-4" aria-labelledby="cv-skills">
        <h2 id="cv-skills" className="h4">
          Lingue, patenti, certificati, informatica
        </h2>
        <dl className="row">
          <Row label="Madrelingua">{s.motherTongues.map((code) => LANGUAGE_LABELS[code] ?? code).join(", ") || "—"}</Row>
          <Row label="Lingue straniere">
            {s.languages.map((l) => `${LANGUAGE_LABELS[l.language_code] ?? l.language_code} ${l.level}`).join(", ") || "—"}
          </Row>
          <Row label="Patenti">{s.licences.map((l) => cvLicenceLabel(l.licence_code, l.licence_category)).join(", ") || "—"}</Row>
          <Row label="Certificati">
            {s.certificates
              .map((x) => `${certificateText(x)}${x.expires_on ? ` (scade il ${formatDate(x.expires_on)})` : ""}`)
              .join(", ") || "—"}
          </Row>
          <Row label="Informatica">
            {s.itSkills.map((k) => `${k.skill} (${IT_SKILL_LEVEL_LABELS[k.level as keyof typeof IT_SKILL_LEVEL_LABELS]})`).join(", ") ||
              "—"}
          </Row>
        </dl>
      </section>

      <section className="mb-4" aria-labelledby="cv-availability">
        <h2 id="cv-availability" className="h4">
          Disponibilità
        </h2>
        <dl className="row">
          <Row label="Orario">{WORK_TIME_LABELS[c.work_time as keyof typeof WORK_TIME_LABELS]}</Row>
          <Row label="Turni / fine settimana">{`${yesNo(c.shifts)} / ${yesNo(c.weekends)}`}</Row>
          <Row label="Distanza massima">{c.max_commute_km !== null ? `${formatNumber(c.max_commute_km)} km` : "—"}</Row>
          <Row label="Disponibile a trasferirsi">{yesNo(c.willing_to_relocate)}</Row>
          <Row label="Mezzo proprio">{yesNo(c.own_vehicle)}</Row>
          <Row label="Disponibile dal">{c.available_from ? formatDate(c.available_from) : "subito"}</Row>
        </dl>
      </section>

      <section className="mb-4" aria-labelledby="cv-file">
        <h2 id="cv-file" className="h4">
          CV in PDF
        </h2>
        {cv.file ? (
          <p>
            {downloadHref ? <a href={downloadHref}>{cv.file.filename}</a> : cv.file.filename} —{" "}
            {formatNumber(Math.ceil(cv.file.size_bytes / 1024))} KB,{" "}
            {cv.file.page_count === null ? "? pagine" : plural(cv.file.page_count, "pagina", "pagine")}, caricato il{" "}
            {formatDateTime(cv.file.uploaded_at)}; testo estratto: {plural(cv.file.text_length, "carattere", "caratteri")}.{" "}
            <small className="text-muted">SHA-256 {cv.file.sha256.slice(0, 16)}…</small>
          </p>
        ) : (
          <p>Nessun PDF caricato.</p>
        )}
      </section>
    </>
  );
}
