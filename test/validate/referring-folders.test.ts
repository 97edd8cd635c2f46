/** `--changed` looks for referrers of a changed id only in the folders whose schemas can point to it. */
import { describe, expect, it } from "vitest";
import { referringFolders } from "../../scripts/lib/load/changed.ts";
import { checkEnv } from "../../scripts/lib/check/run-checks.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";

const paths = checkEnv(loadSchemaSet()).paths;

describe("referring folders, from the schemas' x-refers-to", () => {
  it("a meeting is pointed to by sanctions (responses) and tombstones only", () => {
    expect(referringFolders(["meeting"], paths).sort()).toEqual(["sanctions", "tombstones"]);
  });

  it("an actor is pointed to from every type", () => {
    expect(referringFolders(["actor"], paths).sort()).toEqual(["actors", "forums", "incidents", "meetings", "sanctions", "tombstones"]);
  });

  it("an incident is pointed to by meetings (status_history[].incidents) and tombstones", () => {
    expect(referringFolders(["incident"], paths).sort()).toEqual(["meetings", "tombstones"]);
  });

  it("a forum edition is pointed to by meetings (sidelines_of)", () => {
    expect(referringFolders(["edition"], paths)).toEqual(["meetings"]);
  });

  it("a tombstone changes what any reference to its id means, so every folder is searched", () => {
    expect(referringFolders(["tombstone"], paths).sort()).toEqual(["actors", "forums", "incidents", "meetings", "sanctions", "tombstones"]);
  });

  it("nothing changed, nowhere to look", () => {
    expect(referringFolders([], paths)).toEqual([]);
  });
});
