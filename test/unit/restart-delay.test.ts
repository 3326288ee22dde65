import { describe, expect, it } from "vitest";
import { restartDelayMs } from "../../server/embedded-services";

describe("restart delay of the supervised Meilisearch", () => {
  it("doubles from 0.5 s and stops growing at 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(restartDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});
