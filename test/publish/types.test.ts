/**
 * `npm run types`: scripts/lib/types.generated.ts is generated from the schemas (source and public),
 * bannered, up to date (`--check`), and changes whenever a schema does.
 */
import "../loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { readSchemas, type JsonSchema } from "../../scripts/lib/schemas.ts";
import { publicSchemas } from "../../scripts/lib/publish/public-schemas.ts";
import { GENERATED_TYPES_FILE, generateTypes } from "../../scripts/lib/publish/typegen.ts";

const generated = (): string => fs.readFileSync(path.join(ROOT, GENERATED_TYPES_FILE), "utf8");

describe("generated types", () => {
  it("is bannered as generated", () => {
    expect(generated().split("\n").slice(0, 3).join("\n")).toMatch(/Generated — do not edit; run `npm run types`/);
  });

  it("is up to date: `npm run types -- --check` passes", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/types.ts", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/up to date/);
  }, 60_000);

  it("declares one type per record and definition, source and published", () => {
    const text = generated();
    for (const name of ["Actor", "Meeting", "Sanction", "Forum", "Tombstone", "PublishedActor", "PublishedMeeting", "PublishedStatusChange", "Dataset", "Manifest", "PartialDate", "Source"]) {
      expect(text, name).toMatch(new RegExp(`^export (interface|type) ${name}\\b`, "m"));
    }
    expect(text).not.toMatch(/\b(Text|PartialDate|Reference)\d+\b/);
    expect(text).toMatch(/participant_sanctioned: boolean \| null;/);
  });

  it("changes when a schema changes, so --check catches drift", async () => {
    const source = readSchemas();
    const changed = structuredClone(source);
    const meeting = changed.get("meeting.schema.json")!;
    (meeting.properties as Record<string, JsonSchema>).mood = { description: "How it went.", enum: ["warm", "cold"] };
    const text = await generateTypes(changed, publicSchemas(changed));
    expect(text).not.toBe(generated());
    expect(text).toMatch(/mood\?: "warm" \| "cold";/);
    expect(await generateTypes(source, publicSchemas(source))).toBe(generated());
  }, 60_000);

  it("type-checks the scripts that use the generated types", () => {
    // The build modules import these types; a stale or broken file fails here.
    execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "-p", path.join(ROOT, "scripts/package/tsconfig.json")], { cwd: ROOT, stdio: "pipe" });
  }, 60_000);
});
