/**
 * PostCSS, run by the Remix compiler on every CSS file the app imports (`remix build`, `remix dev`).
 *
 * Bootstrap Italia's stylesheet is about 600 KB (90 KB compressed) and every page blocks on it, while Rosa uses a small
 * part of it: PurgeCSS keeps only the rules whose classes, elements and attribute values occur in the app's source
 * (`app/**`), so a public page downloads about a tenth of it. Rosa loads no Bootstrap Italia JavaScript: every class on
 * the page is written in our components, except the few a component composes at run time, listed in SAFELIST. A class
 * built from pieces (`alert-${type}`) must be listed there, or written out whole somewhere in the source.
 * Rosa's own stylesheet (app/styles/app.css) is small and left whole.
 *
 * Second, wherever Bootstrap Italia names Titillium Web, "Titillium Web Fallback" follows it: a local Arial (or its
 * metric twins Liberation Sans and Helvetica) resized to Titillium's widths and line metrics (app/styles/app.css), so
 * the text drawn before the web font arrives takes the same room and nothing moves when it is swapped in.
 */
import purgeCss from "@fullhuman/postcss-purgecss";

export const PURGED_STYLESHEET = /[\\/]bootstrap-italia[\\/]dist[\\/]css[\\/]bootstrap-italia\.min\.css$/;

export const SAFELIST = [
  // Set at run time: NavLink marks the current link; <Notice type> composes alert-${type}; validation states.
  "active",
  "pending",
  "transitioning",
  /^alert-/,
  /^is-(valid|invalid)$/,
  // States Bootstrap Italia's JavaScript toggles (kept with the components they belong to, should one be used).
  "show",
  "showing",
  "hiding",
  "fade",
  "collapsing",
  /^focus--/,
];

export const purgeOptions = {
  content: ["app/**/*.{ts,tsx}"],
  safelist: SAFELIST,
  // Unused @keyframes and @font-face rules go (Video.js's icon font alone is 7 KB); custom properties stay.
  keyframes: true,
  fontFace: true,
};

/** PurgeCSS on Bootstrap Italia's stylesheet only (purging a file with nothing to keep would empty it). */
function purgeBootstrapItalia() {
  const purge = purgeCss(purgeOptions);
  return {
    postcssPlugin: "rosa-purge-bootstrap-italia",
    async OnceExit(root, helpers) {
      if (!PURGED_STYLESHEET.test(root.source?.input.file ?? "")) return;
      await purge.OnceExit(root, helpers);
    },
  };
}
purgeBootstrapItalia.postcss = true;

export const FALLBACK_FAMILY = '"Titillium Web Fallback"';

function titilliumFallback() {
  return {
    postcssPlugin: "rosa-titillium-fallback",
    Once(root) {
      if (!PURGED_STYLESHEET.test(root.source?.input.file ?? "")) return;
      root.walkDecls((decl) => {
        if (decl.prop === "font-family" || decl.prop.startsWith("--")) {
          decl.value = decl.value.replace(/(["']?)Titillium Web\1(?!\s*Fallback)/g, (m) => `${m},${FALLBACK_FAMILY}`);
        }
      });
    },
  };
}
titilliumFallback.postcss = true;

export default { plugins: [titilliumFallback(), purgeBootstrapItalia()] };
