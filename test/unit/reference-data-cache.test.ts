import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readAteco, readComuni } from "../../server/reference-data/read";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "rosa-reference-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the parsed ISTAT tables kept between starts", () => {
  it("stores each table once under a name with the file's hash and reads back the same rows", () => {
    const cacheDir = tempDir();
    const parsed = readComuni();
    expect(readComuni({ cacheDir })).toEqual(parsed);
    const files = readdirSync(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^reference-comuni-[0-9a-f]{16}\.v8$/)]);
    expect(readComuni({ cacheDir })).toEqual(parsed);
    expect(readdirSync(cacheDir)).toEqual(files);
  });

  it("parses again over an unreadable cache file, and drops the files of an older version of the table", () => {
    const cacheDir = tempDir();
    readAteco({ cacheDir });
    const [current] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, current), "not a serialised table");
    writeFileSync(join(cacheDir, "reference-ateco-0000000000000000.v8"), "older");
    writeFileSync(join(cacheDir, "reference-comuni-0000000000000000.v8"), "another table");
    expect(readAteco({ cacheDir })).toEqual(readAteco());
    expect(readdirSync(cacheDir).sort()).toEqual([current, "reference-comuni-0000000000000000.v8"].sort());
  });

  it("without a writable folder it still returns the parsed table", () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "");
    expect(readAteco({ cacheDir: join(file, "cache") })).toEqual(readAteco());
  });
});
