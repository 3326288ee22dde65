/**
 * Horizontal bars drawn as inline SVG (no chart library, nothing to load), each bar under its full label; the page
 * shows the same numbers in a table, the accessible alternative. Used by every figures page.
 */
import { formatNumber } from "~/utils/format";

export interface Bar {
  label: string;
  value: number | null;
  suffix: string;
}

/** missing: how a bar without a value reads (by default «n.d.»; «<5» where small counts are hidden). */
export function Bars({
  title,
  items,
  missing = { text: "n.d.", spoken: "non disponibile" },
}: {
  title: string;
  items: Bar[];
  missing?: { text: string; spoken: string };
}) {
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  // Each bar under its full label (a label beside the bar would have to be cut short).
  const h = 40;
  return (
    <figure className="mb-4">
      <svg
        role="img"
        aria-label={`${title}: ${items.map((i) => `${i.label} ${i.value === null ? missing.spoken : `${formatNumber(i.value)}${i.suffix}`}`).join(", ")}`}
        width="100%"
        height={items.length * h + 4}
        viewBox={`0 0 600 ${items.length * h + 4}`}
      >
        {items.map((i, n) => (
          <g key={`${i.label}-${n}`} transform={`translate(0, ${n * h})`}>
            <text x="0" y="13" fontSize="13" fill="#1a1a1a">
              {i.label}
            </text>
            <rect x="0" y="18" height="16" width={((i.value ?? 0) / max) * 520} fill="#0066cc" />
            <text x={5 + ((i.value ?? 0) / max) * 520} y="31" fontSize="13" fill="#1a1a1a">
              {i.value === null ? missing.text : `${formatNumber(i.value)}${i.suffix}`}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{title} (i valori sono anche nella tabella qui sotto)</figcaption>
    </figure>
  );
}
