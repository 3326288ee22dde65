import { describe, expect, it } from "vitest";
import { transitionTable } from "~/domain/workflow";

type S = "open" | "shut" | "gone";
type E = "close" | "reopen" | "drop";

describe("transitionTable", () => {
  const table = transitionTable<S, E, { to: S; by: readonly ("a" | "b")[] }>({
    open: { close: { to: "shut", by: ["a", "b"] }, drop: { to: "gone", by: ["b"] } },
    shut: { reopen: { to: "open", by: ["a"] } },
    gone: {},
  });

  it("answers the next state only for a move the table has and the actor may make", () => {
    expect(table.next("open", "close", "a")).toBe("shut");
    expect(table.next("open", "drop", "a")).toBeNull();
    expect(table.next("open", "reopen", "b")).toBeNull();
    expect(table.move("open", "drop", "b")).toEqual({ to: "gone", by: ["b"] });
  });

  it("lists the events an actor may fire now, in the table's order", () => {
    expect(table.available("open", "b")).toEqual(["close", "drop"]);
    expect(table.available("open", "a")).toEqual(["close"]);
    expect(table.available("gone", "a")).toEqual([]);
  });

  it("reads moves of another shape with rules (a bare target state, no actor)", () => {
    const bare = transitionTable<S, E, null, S>(
      { open: { close: "shut" }, shut: { reopen: "open" }, gone: {} },
      { to: (m) => m, allows: () => true },
    );
    expect(bare.next("shut", "reopen", null)).toBe("open");
    expect(bare.next("gone", "reopen", null)).toBeNull();
    expect(bare.available("open", null)).toEqual(["close"]);
  });
});
