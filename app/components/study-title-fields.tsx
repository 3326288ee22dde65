import { useState } from "react";
import { SelectField } from "./forms";
import { LookupInput } from "./lookup-input";
import { STUDY_LEVELS } from "~/domain/reference";
import type { Field } from "~/web/form-metadata";

/**
 * A title of study in the ministerial codes: the level (0–12) and, optionally, the 8-digit title looked up among those of
 * the level chosen (/api/codici-unilav?elenco=titoli&livello=N). Used by the vacancy's education requirement and by the CV.
 */
export function StudyTitleFields(props: {
  level: Field;
  title: Field;
  levelLabel: string;
  titleLabel: string;
  /** Bootstrap column classes of the two fields. */
  columns: [string, string];
  levelRequired?: boolean;
  levelPlaceholder?: string;
}) {
  const initial = props.level.initialValue;
  const [level, setLevel] = useState(typeof initial === "string" ? initial : "");
  const source = `/api/codici-unilav?elenco=titoli${level ? `&livello=${level}` : ""}`;
  return (
    <>
      <div className={props.columns[0]} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>
        <SelectField
          field={props.level}
          label={props.levelLabel}
          options={STUDY_LEVELS}
          placeholder={props.levelPlaceholder ?? "—"}
          required={props.levelRequired}
        />
      </div>
      <div className={props.columns[1]}>
        <LookupInput
          field={props.title}
          label={props.titleLabel}
          hint="Scrivi parte del nome (es. ragioneria) e scegli dall'elenco ministeriale"
          source={source}
        />
      </div>
    </>
  );
}
