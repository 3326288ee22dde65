/** The server entry of the L. 68 alerts: the daily deadline job the server schedules. */
export { runL68Deadlines } from "./deadlines.server";
export type { DeadlineRun } from "./deadlines.server";
