import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FACET_SHOWN, FacetGroup } from "~/components/facet-group";

const provinces = Array.from({ length: 30 }, (_, i) => ({
  value: `P${String(i).padStart(2, "0")}`,
  label: `Provincia ${String.fromCharCode(90 - i)}`,
  count: 1000 - i * 10,
  selected: i === 20,
}));

describe("facet group (officer candidate search)", () => {
  const html = renderToStaticMarkup(
    createElement(FacetGroup, {
      facet: {
        param: "province",
        label: "Provincia",
        mode: "any",
        values: [...provinces, { value: "ZZ", label: "Vuota", count: 0, selected: false }],
      },
    }),
  );

  it("makes every value with candidates selectable: the top ones at once, the rest behind «Mostra tutte»", () => {
    for (const p of provinces) expect(html).toContain(`value="${p.value}"`);
    expect(html).not.toContain('value="ZZ"');
    const [visible, hidden] = html.split("<details");
    expect((visible.match(/type="checkbox"/g) ?? []).length).toBe(FACET_SHOWN + 1); // + the selected one
    expect(hidden).toContain(`Mostra tutte (${30 - FACET_SHOWN - 1} altre)`);
  });

  it("keeps the selected value checked and visible, with its exact count", () => {
    const selected = provinces[20];
    const [visible] = html.split("<details");
    expect(visible).toMatch(
      new RegExp(`<input[^>]*value="${selected.value}"[^>]*checked=""|<input[^>]*checked=""[^>]*value="${selected.value}"`),
    );
    expect(visible).toContain(`${selected.label} <span class="text-muted">(800)</span>`);
  });

  it("lists the others alphabetically, so a province is easy to find", () => {
    const hidden = html.split("<details")[1];
    const labels = [...hidden.matchAll(/<label[^>]*>(Provincia \w)/g)].map((m) => m[1]);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "it")));
  });
});
