/** The public entry of the workflow kernel for server code: row lock with version check, and the write of a move. */
export { transitionTable } from "./table";
export type { Move, MoveRules, Moves, TransitionTable } from "./table";
export { applyTransition, lockRow } from "./transition.server";
export type { TransitionWrite, VersionedTable } from "./transition.server";
