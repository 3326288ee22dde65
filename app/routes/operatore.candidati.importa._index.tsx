import { formatNumber } from "~/utils/format";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CsvFileInput } from "~/components/csv-file-input";
import { ErrorSummary } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { CSV_COLUMNS, CsvFormatError, MAX_IMPORT_ROWS, REQUIRED_COLUMNS } from "~/domain/candidates/csv";
import { startCandidateImport } from "~/domain/candidates/import.server";
import { canReadHealth } from "~/domain/candidates/policy.server";
import { readUploadedFile } from "~/web/upload.server";
import { DomainError } from "~/domain/errors";
import { parseForm, type FormResult } from "~/web/conform";
import { replyDomainError } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Importa candidati da CSV — Rosa" }];

const MAX_CSV_BYTES = 10 * 1_048_576;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "candidates:write");
  return { columns: CSV_COLUMNS, required: REQUIRED_COLUMNS, maxRows: MAX_IMPORT_ROWS };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  // The file is the only field and is read as a stream: conform's reply carries its message.
  const submission = parseForm(new FormData(), z.object({}));
  try {
    const file = await readUploadedFile(request, "file", MAX_CSV_BYTES, "Il file è troppo grande: al massimo 10 MB");
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    } catch {
      throw new DomainError("Il file non è un CSV in UTF-8: salvalo da Excel come «CSV UTF-8»", "file");
    }
    const { importId } = await startCandidateImport(
      getDb(),
      { ...actorOf(user, context), userId: user.id },
      { name: file.name, text },
      { canSetProtectedCategory: canReadHealth(user) },
    );
    return redirectWithFlash(`/operatore/candidati/importa/${importId}`, {
      type: "info",
      message: "File ricevuto: verifica delle righe in corso.",
    });
  } catch (e) {
    if (e instanceof CsvFormatError) return replyDomainError(new DomainError(e.message, "file"), submission);
    return replyDomainError(e, submission);
  }
}

const errorsOf = (result: FormResult | undefined) =>
  Object.fromEntries(Object.entries(result?.error ?? {}).map(([name, messages]) => [name, messages ?? []]));

export default function ImportCandidatesPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = result?.result.error?.file?.[0];
  return (
    <div className="col-lg-9">
      <h1>Importa candidati da CSV</h1>
      <p className="lead">
        Ogni riga è un candidato. Il file viene verificato riga per riga: se anche una sola riga ha errori non si importa nulla e ricevi un
        rapporto degli errori da scaricare. Al massimo {formatNumber(MAX_IMPORT_ROWS)} righe per file.
      </p>
      <p>
        <a href="/operatore/candidati/importa/modello" download>
          Scarica il modello CSV con due righe di esempio
        </a>{" "}
        (separatore «;», codifica UTF-8; più valori nella stessa cella separati da «|»). Le due righe di esempio vanno cancellate: se
        restano nel file vengono rifiutate. Nelle colonne sì/no scrivi «sì» o «no» (vuoto vale «no»); ogni altro valore è un errore.
      </p>
      {/* The summary links to the field by its id, «f-file»: the form's id is the prefix. */}
      <ErrorSummary form={{ id: "f", allErrors: errorsOf(result?.result) }} />
      <Form method="post" encType="multipart/form-data">
        <CsvFileInput label="File CSV" error={error} submitting={navigation.state === "submitting"} busyLabel="Caricamento…" />
      </Form>
      <details className="mt-4">
        <summary>Colonne del file</summary>
        <p>
          Obbligatorie: {REQUIRED_COLUMNS.join(", ")} e livello_studio (oppure, per i file preparati con il modello precedente,
          livello_eqf). Facoltative: tutte le altre.
        </p>
        <ul>
          <li>data_nascita, disponibile_dal: gg/mm/aaaa oppure aaaa-mm-gg</li>
          <li>comune_domicilio: «Nome (XX)» oppure codice ISTAT a 6 cifre</li>
          <li>
            livello_studio: livello di studio ministeriale da 0 (nessun titolo) a 12 (dottorato), es. 2 licenza media, 3 qualifica, 4
            diploma, 5 diploma ITS, 7 laurea; codice_titolo_studio (facoltativo): il titolo ministeriale a 8 cifre di quel livello, es.
            40200000 (diploma tecnico), 71000000 (laurea triennale), 74000000 (laurea magistrale)
          </li>
          <li>
            livello_eqf (accettato per compatibilità): da 1 a 8, convertito nel livello ministeriale come i CV già registrati (EQF 1 e 2 →
            licenza media, o elementare se il titolo lo dice; 6 → laurea triennale, o diploma universitario; 7 → laurea magistrale, o
            master, vecchio ordinamento, ciclo unico se il titolo lo dice; 8 → dottorato, o specializzazione). Se c'è anche livello_studio
            vale quest'ultimo, e i due devono corrispondere.
          </li>
          <li>
            propensione_N_professione: codice CP2021 (es. 5.1.2.2.0), propensione_N_fonte: lavoro, istruzione o formazione (N = 1, 2, 3)
          </li>
          <li>
            madrelingua: codici ministeriali delle lingue, es. «003» (italiano) o «RUM|003»; lingue (straniere): codice:livello QCER, es.
            «001:B1|005:A2» (inglese B1, francese A2); per compatibilità sono accettati anche i codici ISO 639-1 dei file precedenti («it»,
            «en:B1»), convertiti nel codice ministeriale
          </li>
          <li>
            patenti: codice ministeriale della patente con la categoria UE facoltativa dopo i due punti, es. «02|03:C|05:CE» (patente B,
            patente C categoria C, patente E categoria CE); per compatibilità sono accettate anche le sole categorie UE dei file precedenti
            («B|C|CE», convertite) e CQC_MERCI, CQC_PERSONE, KA, KB, che diventano certificati (la CQC e il CAP non sono patenti);
            certificati: testi separati da «|», es. «CQC merci|HACCP»; un certificato può indicare il patentino o l'albo dell'elenco
            ministeriale con il codice, da solo o tra parentesi dopo il testo, es. «patentino:07», «Conduzione caldaie (patentino:07)»,
            «albo:0001»; competenze_informatiche: es. «Excel:intermedio»
          </li>
          <li>
            turni, weekend, mezzo_proprio, disponibile_trasferimento, consenso_visibilita: sì / no; orario: pieno, parziale o indifferente
          </li>
        </ul>
      </details>
    </div>
  );
}
