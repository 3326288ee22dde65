import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PartySigningPanel } from "~/components/internship-party-signing";
import { PageTitle } from "~/components/layout";
import { internshipIdFrom } from "~/web/internship-guards.server";
import { hostParty, partySignAction, partySigningData } from "~/web/internship-party-signing.server";

export const meta: MetaFunction = () => [{ title: "Firma i documenti del tirocinio — Rosa" }];

/** The company signs its copy of the convention and of the PFI (the forms of the internship page post here). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, party } = await hostParty(request, context);
  const id = internshipIdFrom(params);
  return { id, signing: await partySigningData(party, id), signerName: user.fullName };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { party } = await hostParty(request, context);
  const id = internshipIdFrom(params);
  return partySignAction(party, request, id, `/azienda/tirocini/${id}`);
}

export default function HostSigning() {
  const { id, signing, signerName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/azienda/tirocini/${id}`;
  return (
    <div className="col-lg-10">
      <p>
        <Link to={base}>← Scheda del tirocinio</Link>
      </p>
      <PageTitle
        title="Firma i documenti del tirocinio"
        lead="Carica la copia firmata dal legale rappresentante o da un consulente delegato."
      />
      <PartySigningPanel
        data={signing}
        action={`${base}/firme`}
        pdfHrefs={{ convention: `${base}/convenzione/pdf`, pfi: `${base}/pfi/pdf` }}
        signerName={signerName}
        lastResult={result?.result}
      />
      {!signing.toSign.length ? <p>Non ci sono documenti da firmare per l&apos;azienda.</p> : null}
    </div>
  );
}
