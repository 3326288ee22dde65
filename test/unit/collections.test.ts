import { describe, expect, it } from "vitest";
import { groupBy } from "~/utils/collections";

describe("groupBy", () => {
  it("keeps each group in the items' order and the groups in first-seen order", () => {
    const rows = [
      { id: "b", n: 1 },
      { id: "a", n: 2 },
      { id: "b", n: 3 },
    ];
    const groups = groupBy(rows, (r) => r.id);
    expect([...groups.keys()]).toEqual(["b", "a"]);
    expect(groups.get("b")!.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get("a")!.map((r) => r.n)).toEqual([2]);
  });

  it("gives no group for no items", () => {
    expect(groupBy([], (x: string) => x).size).toBe(0);
  });
});
