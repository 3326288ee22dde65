/** The public entry of the workflow kernel, client-safe part: the transition tables every workflow is written in. */
export { transitionTable } from "./table";
export type { Move, MoveRules, Moves, TransitionTable } from "./table";
