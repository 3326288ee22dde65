/**
 * Rosa's layering (see README, «Architettura»), top to bottom:
 *   app/routes + app/root.tsx → app/components, app/web, server → app/domain → search, app/documents → app/db → app/utils
 * Nothing imports upwards; a context reaches another only through its public entry
 * (app/domain/<context>/index.server.ts, or index.ts for the client-safe parts).
 * Type-only imports are seen (tsPreCompilationDeps) and allowed in cycles: they vanish at build time.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "search-not-to-domain",
      comment:
        "search/ is infrastructure (client, outbox, sync, settings, reindex): the index definitions live in the contexts and are handed in by server/search-indexes.ts",
      severity: "error",
      from: { path: "^search/" },
      to: { path: "^(app/(domain|web|routes|components)|server)/" },
    },
    {
      name: "utils-pure",
      comment: "app/utils/ is pure and client-safe: no database, no domain, no web tier, no search",
      severity: "error",
      from: { path: "^app/utils/" },
      to: { path: "^(app/(db|domain|web|routes|components)|search|server)/" },
    },
    {
      name: "domain-not-upwards",
      comment: "the domain knows nothing of HTTP, pages or the server process: app/web maps its errors to statuses",
      severity: "error",
      from: { path: "^app/domain/" },
      to: { path: "^(app/(web|routes|components)|app/root\\.tsx|server)/?" },
    },
    {
      name: "documents-not-upwards",
      comment: "app/documents/ reads CSV and writes PDF for every context: it knows no context, no database, no web tier",
      severity: "error",
      from: { path: "^app/documents/" },
      to: { path: "^(app/(db|domain|web|routes|components)|search|server)/" },
    },
    {
      name: "db-not-upwards",
      comment: "app/db/ holds connection, transactions and table types: it imports only app/utils",
      severity: "error",
      from: { path: "^app/db/" },
      to: { path: "^(app/(domain|web|routes|components)|search|server)/" },
    },
    {
      name: "web-and-components-not-to-routes",
      comment: "routes sit on top: nothing imports a route module",
      severity: "error",
      from: { path: "^(app/(web|components|domain|documents|db|utils)|search|server)/" },
      to: { path: "^app/routes/" },
    },
    {
      name: "no-deep-cross-context",
      comment: "a context uses another only through its public entry (index.server.ts / index.ts)",
      severity: "error",
      from: { path: "^app/domain/([^/]+)/" },
      to: {
        path: "^app/domain/([^/]+)/",
        pathNot: ["^app/domain/$1/", "^app/domain/[^/]+/index(\\.server)?\\.tsx?$"],
      },
    },
    {
      name: "l68-calculator-pure",
      comment:
        "app/domain/l68/calculator/ is the pure quota calculator (API, CLI and pages run it): no database, no server-only module, nothing else of the domain",
      severity: "error",
      from: { path: "^app/domain/l68/calculator/" },
      to: {
        path: ["^(app/(db|domain|web|routes|components|documents)|search|server)/", "\\.server\\.tsx?$"],
        pathNot: "^app/domain/l68/calculator/",
      },
    },
    {
      name: "l68-file-not-upwards",
      comment:
        "inside l68, bottom to top: calculator/ → file/ (the employer's file, obligations, prospetto, certificate) → records/ → alerts/ (alerts and the deadline jobs): file/ imports neither records/ nor alerts/",
      severity: "error",
      from: { path: "^app/domain/l68/file/" },
      to: { path: "^app/domain/l68/(records|alerts)/" },
    },
    {
      name: "l68-records-not-upwards",
      comment: "records/ may use file/ and calculator/, never alerts/ (the deadline jobs sit on top and call records/)",
      severity: "error",
      from: { path: "^app/domain/l68/records/" },
      to: { path: "^app/domain/l68/alerts/" },
    },
    {
      name: "entries-only-from-web-and-routes",
      comment:
        "routes, components, the web tier and the server use l68 and placement only through their entries: index.ts (client-safe) and index.server.ts, plus l68's sub-folder entries (calculator/index.ts, file|records|alerts/index.server.ts); the other contexts are still to convert",
      severity: "error",
      from: { path: "^(app/(routes|components|web)|server)/" },
      to: {
        path: "^app/domain/(l68|placement)/",
        pathNot: [
          "^app/domain/(l68|placement)/index(\\.server)?\\.ts$",
          "^app/domain/l68/(calculator|file|records|alerts)/index(\\.server)?\\.ts$",
        ],
      },
    },
    {
      name: "no-cycles",
      comment: "no import loops, except type-only ones",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|build|public/build|\\.data)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
