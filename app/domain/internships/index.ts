/**
 * The client-safe public entry of the internships context: the rules checker (docs/legal/tirocini.md), pure, usable by
 * pages, routes and the CLI alike.
 */
export * from "./checker";
export * from "./monitoring";
