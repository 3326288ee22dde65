import { formatDateTime } from "~/utils/format";
import { REASON_LABELS } from "./schema";

/** What an employer's feedback row carries that people read (client-safe). */
export interface FeedbackFacts {
  decision: "interview" | "selected" | "not_selected" | "hired";
  reason: keyof typeof REASON_LABELS | null;
  missing_skills: string | null;
  reason_text: string | null;
  share_with_candidate: boolean;
  interview_at: Date | string | null;
  interview_arranged_by: "employer" | "cpi" | null;
}

/**
 * The one sentence about an interview request, for the employer, the officer and the candidate alike:
 * «fissato» only when the employer gave a date; otherwise who arranges it.
 */
export function interviewSummary(
  f: Pick<FeedbackFacts, "interview_at" | "interview_arranged_by">,
  audience: "candidate" | "staff" = "staff",
): string {
  if (f.interview_at) return `Colloquio fissato dall'azienda per il ${formatDateTime(f.interview_at).replace(", ", " alle ore ")}`;
  if (f.interview_arranged_by === "cpi")
    return audience === "candidate"
      ? "L'azienda vuole farti un colloquio: il Centro per l'Impiego ti contatterà per fissare data e ora"
      : "Colloquio richiesto dall'azienda: data e ora le fissa il Centro per l'Impiego";
  return "Colloquio richiesto dall'azienda: data e ora da fissare";
}

/** The employer's reason in words: the label, with the missing skills or the free text when given. */
export function reasonText(f: Pick<FeedbackFacts, "reason" | "missing_skills" | "reason_text">): string | null {
  if (!f.reason) return null;
  const extra = f.reason === "skills_lacking" ? f.missing_skills : f.reason === "other" ? f.reason_text : null;
  return `${REASON_LABELS[f.reason]}${extra ? ` (${extra})` : ""}`;
}

/**
 * What the candidate may read of the latest feedback: the interview always (they must attend it),
 * the reason of a refusal only when the employer chose to share it. Never the employer's comment.
 */
export function candidateOutcome(f: FeedbackFacts | null | undefined): {
  interview: string | null;
  reason: string | null;
  reasonWithheld: boolean;
} {
  if (!f) return { interview: null, reason: null, reasonWithheld: false };
  if (f.decision === "interview") return { interview: interviewSummary(f, "candidate"), reason: null, reasonWithheld: false };
  if (f.decision !== "not_selected") return { interview: null, reason: null, reasonWithheld: false };
  return f.share_with_candidate
    ? { interview: null, reason: reasonText(f), reasonWithheld: false }
    : { interview: null, reason: null, reasonWithheld: true };
}
