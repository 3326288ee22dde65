import { Form } from "@remix-run/react";

export interface HeaderCompany {
  id: string;
  name: string;
}

/**
 * A labour consultant delegated by several companies chooses the one to work for. A bar of its own
 * under the header (it wraps on a phone); a plain form with a button, so it works before hydration
 * and a keyboard user is never moved to another page just by browsing the options.
 */
export function CompanySwitcher({ companies, activeId }: { companies: HeaderCompany[]; activeId: string | null }) {
  if (companies.length < 2) return null;
  const active = companies.find((c) => c.id === activeId);
  return (
    <div className="bg-light border-bottom">
      <div className="container py-2">
        <Form method="post" action="/azienda/cambia-azienda" className="d-flex flex-wrap align-items-center gap-2">
          <label htmlFor="rosa-company-switcher" className="mb-0">
            Stai operando per <strong>{active?.name ?? "—"}</strong>. Cambia azienda:
          </label>
          <select
            id="rosa-company-switcher"
            name="employerId"
            defaultValue={activeId ?? undefined}
            className="form-select form-select-sm w-auto mw-100"
          >
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-outline-primary btn-sm">
            Passa a questa azienda
          </button>
        </Form>
      </div>
    </div>
  );
}
