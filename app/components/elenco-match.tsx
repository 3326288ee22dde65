import { Link } from "@remix-run/react";
import { plural } from "~/utils/plural";
import { CAPACITIES, orderedCapacities, type MatchCounts } from "~/domain/placement";
import type { PostView } from "~/domain/placement/index.server";

interface Person {
  id: string;
  position: number;
  name: string;
  score: string;
  fits: boolean;
  checks: { ok: boolean; binding: boolean; text: string }[];
}

const mark = (c: Person["checks"][number]) => (c.ok ? "Sì" : c.binding ? "No" : "Da valutare");

/** The nominative referral's form on the referrals page, prefilled with this post and person. */
export const referralHref = (postId: string, enrolmentId: string, vacancyId?: string) =>
  `/operatore/collocamento-mirato/avviamenti?${new URLSearchParams({ posto: postId, persona: enrolmentId, ...(vacancyId ? { offerta: vacancyId } : {}) })}#nominative`;

function MatchTable({ caption, people, referTo }: { caption: string; people: Person[]; referTo: ((id: string) => string) | null }) {
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Posizione</th>
            <th scope="col">Persona</th>
            <th scope="col">Punteggio</th>
            <th scope="col">Perché</th>
            {referTo ? <th scope="col">Avviamento</th> : null}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{p.position}</td>
              <td>
                <Link to={`/operatore/collocamento-mirato/elenco/${p.id}`}>{p.name}</Link>
              </td>
              <td>{p.score}</td>
              <td>
                <ul className="mb-0 ps-3">
                  {p.checks.map((c) => (
                    <li key={c.text}>
                      <strong>{mark(c)}</strong>: {c.text}
                    </li>
                  ))}
                </ul>
              </td>
              {referTo ? (
                <td>
                  <Link to={referTo(p.id)} className="btn btn-primary btn-sm">
                    Avvia con nulla osta<span className="visually-hidden"> per {p.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The province's list matched against a post: counts, the people who fit, then the others, each with why. */
export function ElencoMatch(props: {
  province: string;
  postId: string;
  vacancyId?: string;
  people: Person[];
  counts: MatchCounts;
  freePlaces: number;
  withRadius: boolean;
}) {
  const { counts, people } = props;
  const fitting = people.filter((p) => p.fits);
  const excluded = people.filter((p) => !p.fits);
  const referTo = props.freePlaces > 0 ? (id: string) => referralHref(props.postId, id, props.vacancyId) : null;
  return (
    <section aria-labelledby="elenco-match" className="mt-4">
      <h2 id="elenco-match" className="h4">
        Persone dell'elenco del collocamento mirato ({props.province})
      </h2>
      <p>
        Su {plural(counts.total, "persona iscritta e disponibile", "persone iscritte e disponibili")}:{" "}
        {plural(counts.fitting, "idonea", "idonee")}, {plural(counts.excluded, "non idonea", "non idonee")}.
        {counts.fitting > 0
          ? ` Tra le idonee: ${plural(counts.fittingSameOccupation, "persona", "persone")} con esperienza o preferenza nella professione o nel suo gruppo${
              props.withRadius ? `, ${plural(counts.fittingWithinRadius, "persona", "persone")} entro il raggio dell'offerta` : ""
            }.`
          : ""}
      </p>
      <p>
        {props.freePlaces > 0
          ? `${plural(props.freePlaces, "posto ancora libero", "posti ancora liberi")} per un avviamento.`
          : "Tutti i posti hanno già un avviamento in corso o concluso con l'assunzione: nessun nuovo avviamento possibile."}{" "}
        <Link to={`/operatore/collocamento-mirato/avviamenti/numerico/${props.postId}`}>Avviamento numerico su questo posto</Link>
      </p>
      <h3 className="h5">Persone idonee, in ordine di graduatoria</h3>
      {fitting.length === 0 ? (
        <p>Nessuna persona iscritta ha le capacità e le condizioni richieste dal posto.</p>
      ) : (
        <MatchTable caption="Persone idonee in ordine di graduatoria, con i motivi" people={fitting} referTo={referTo} />
      )}
      {excluded.length ? (
        <>
          <h3 className="h5 mt-4">Persone non idonee</h3>
          <MatchTable caption="Persone non idonee in ordine di graduatoria, con i motivi" people={excluded} referTo={null} />
        </>
      ) : null}
    </section>
  );
}

/** The post the matching uses: its qualification, places, capacities and conditions. */
export function PostFacts({ post }: { post: PostView }) {
  const yesNo = (b: boolean) => (b ? "sì" : "no");
  return (
    <dl className="row">
      <dt className="col-sm-4">Mansione</dt>
      <dd className="col-sm-8">{post.task}</dd>
      <dt className="col-sm-4">Qualifica (CP2021)</dt>
      <dd className="col-sm-8">
        {post.occupationCode} — {post.occupationTitle}
      </dd>
      <dt className="col-sm-4">Posti</dt>
      <dd className="col-sm-8">{post.posts}</dd>
      <dt className="col-sm-4">Sede</dt>
      <dd className="col-sm-8">
        {post.comuneLabel}; mezzi pubblici: {yesNo(post.publicTransport)}; barriere architettoniche: {yesNo(post.architecturalBarriers)};
        turni notturni: {yesNo(post.nightShifts)}
      </dd>
      <dt className="col-sm-4">Capacità richieste</dt>
      <dd className="col-sm-8">
        {orderedCapacities(post.capacities)
          .map((c) => CAPACITIES[c])
          .join("; ") || "Nessuna in particolare"}
      </dd>
    </dl>
  );
}
