/**
 * A workflow's table of allowed moves (docs/decisions/0006-transition-tables-row-lock-audit.md): for each state, the
 * events that may happen and where each one leads. Client-safe: pages use it to show only the buttons that work.
 */

/** The common move: where it leads and who may make it. */
export interface Move<State extends string, Who> {
  to: State;
  by: readonly Who[];
}

/** For each state, the events allowed in it and their move. */
export type Moves<State extends string, Event extends string, M> = Record<State, Partial<Record<Event, M>>>;

export interface TransitionTable<State extends string, Event extends string, Who, M> {
  readonly moves: Moves<State, Event, M>;
  /** The move of `event` from `from`, or null when the table has none or `who` may not make it. */
  move(from: State, event: Event, who: Who): M | null;
  /** The state after `event`, or null when the table does not allow it to `who` now. */
  next(from: State, event: Event, who: Who): State | null;
  /** The events `who` may fire now, in the table's order. */
  available(from: State, who: Who): Event[];
}

/** How to read a move of another shape: where it leads, and whether `who` may make it. */
export interface MoveRules<State extends string, Event extends string, Who, M> {
  to: (move: M) => State;
  allows: (move: M, who: Who, event: Event) => boolean;
}

/** A table of `{ to, by }` moves (they may carry more): `who` may make a move when it is in `by`. */
export function transitionTable<State extends string, Event extends string, M extends Move<State, unknown>>(
  moves: Moves<State, Event, M>,
): TransitionTable<State, Event, M["by"][number], M>;
/** A table of moves of another shape (a bare target state, a move restricted by type…), read with `rules`. */
export function transitionTable<State extends string, Event extends string, Who, M>(
  moves: Moves<State, Event, M>,
  rules: MoveRules<State, Event, Who, M>,
): TransitionTable<State, Event, Who, M>;
export function transitionTable<State extends string, Event extends string, Who, M>(
  moves: Moves<State, Event, M>,
  rules: MoveRules<State, Event, Who, M> = byActor as unknown as MoveRules<State, Event, Who, M>,
): TransitionTable<State, Event, Who, M> {
  const move = (from: State, event: Event, who: Who): M | null => {
    const m = moves[from]?.[event];
    return m !== undefined && rules.allows(m, who, event) ? m : null;
  };
  return {
    moves,
    move,
    next(from, event, who) {
      const m = move(from, event, who);
      return m === null ? null : rules.to(m);
    },
    available(from, who) {
      return (Object.entries(moves[from] ?? {}) as [Event, M][]).filter(([e, m]) => rules.allows(m, who, e)).map(([e]) => e);
    },
  };
}

const byActor: MoveRules<string, string, unknown, Move<string, unknown>> = {
  to: (m) => m.to,
  allows: (m, who) => m.by.includes(who),
};
