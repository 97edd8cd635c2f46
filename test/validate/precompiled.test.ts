/**
 * The record validators are precompiled into scripts/lib/validators.generated.cjs (ajv standalone
 * code). They must be current, behave exactly as validators compiled at run time, and never be used
 * for schemas they were not generated from.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import fc from "fast-check";
import type { ErrorObject } from "ajv/dist/2020.js";
import fg from "fast-glob";
import yaml from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SCHEMAS_DIR } from "../../scripts/lib/paths.ts";
import { GENERATED_VALIDATORS_FILE, PUBLISHERS_SCHEMA, createAjv, lengthsFromUnits, loadSchemaSet, readSchemas, standaloneValidators, type JsonSchema } from "../../scripts/lib/schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, TYPE_BY_FOLDER, type RecordType } from "../../scripts/lib/record-types.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { nearLimitText } from "../near-limit-text.ts";

afterAll(removeTempDirs);

const generated = (): string => fs.readFileSync(path.join(ROOT, GENERATED_VALIDATORS_FILE), "utf8");
/** A validator's errors without what differs between compiled and precompiled code (the schema objects). */
const strip = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({ instancePath, schemaPath, keyword, params, message }));

describe("precompiled validators", () => {
  it("are bannered as generated and match what `npm run types` makes from schemas/", () => {
    expect(generated().split("\n")[0]).toMatch(/Generated — do not edit; run `npm run types`/);
    expect(generated()).toBe(standaloneValidators(readSchemas()));
  });

  it("are used for the schemas in schemas/", () => {
    expect(loadSchemaSet().precompiled).toBe(true);
  });

  it("give the same verdicts and errors as validators compiled at run time, on every data file and schema fixture", () => {
    const precompiled = loadSchemaSet().validators;
    const ajv = createAjv(readSchemas());
    const files = [...fg.sync("data/*/*.yaml", { cwd: ROOT }), ...fg.sync("test/schemas/*/*/*.yaml", { cwd: ROOT })];
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const parts = file.split("/");
      const type: RecordType | undefined = file.startsWith("data/") ? TYPE_BY_FOLDER.get(parts[1]!) : (parts[2] as RecordType);
      if (!type || !RECORD_TYPE_NAMES.includes(type)) continue;
      const data: unknown = yaml.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
      const runtime = ajv.getSchema(RECORD_TYPES[type].schema)!;
      const fast = precompiled[type];
      expect(fast(data), file).toBe(runtime(data));
      expect(strip(fast.errors), file).toEqual(strip(runtime.errors));
    }
  });

  it("include the publishers registry's, with the same verdicts and errors as compiling it at run time", () => {
    const set = loadSchemaSet();
    const runtime = createAjv(readSchemas()).getSchema(PUBLISHERS_SCHEMA)!;
    expect(set.publishersValidator).not.toBe(set.ajv.getSchema(PUBLISHERS_SCHEMA));
    const real: unknown = yaml.parse(fs.readFileSync(path.join(ROOT, "data/publishers.yaml"), "utf8"));
    const broken = { hosts: { "example.org": { publisher: 7, kind: "blog" } }, extra: true };
    for (const data of [real, broken]) {
      expect(set.publishersValidator!(data)).toBe(runtime(data));
      expect(strip(set.publishersValidator!.errors)).toEqual(strip(runtime.errors));
    }
    expect(runtime(broken)).toBe(false);
  });

  it("are not used for other schemas: a changed schema is compiled at run time and takes effect", () => {
    const dir = tempDir("sidelines-schemas-");
    for (const f of fs.readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith(".schema.json"))) fs.copyFileSync(path.join(SCHEMAS_DIR, f), path.join(dir, f));
    const meeting = JSON.parse(fs.readFileSync(path.join(dir, "meeting.schema.json"), "utf8")) as JsonSchema;
    meeting.required = [...(meeting.required as string[]), "mood"];
    (meeting.properties as Record<string, JsonSchema>).mood = { description: "How it went.", enum: ["warm", "cold"] };
    fs.writeFileSync(path.join(dir, "meeting.schema.json"), JSON.stringify(meeting));
    const set = loadSchemaSet(dir);
    expect(set.precompiled).toBe(false);
    const record: unknown = yaml.parse(fs.readFileSync(path.join(ROOT, "data/meetings/austin-li-shangfu-shangri-la-2023.yaml"), "utf8"));
    expect(loadSchemaSet().validators.meeting(record)).toBe(true);
    expect(set.validators.meeting(record)).toBe(false);
    expect(set.validators.meeting.errors?.map((e) => e.params)).toContainEqual({ missingProperty: "mood" });
  });
});

describe("character counts in the precompiled validators", () => {
  const record = (): Record<string, unknown> => yaml.parse(fs.readFileSync(path.join(ROOT, "data/meetings/austin-li-shangfu-shangri-la-2023.yaml"), "utf8")) as Record<string, unknown>;

  it("are made only where a string's length in UTF-16 units does not decide maxLength or minLength", () => {
    // The generated file loaded afresh with ajv's counter wrapped, so that every count is seen.
    const req = createRequire(import.meta.url);
    const counterModule = req(req.resolve("ajv/dist/runtime/ucs2length")) as { default: ((s: string) => number) & { code?: string } };
    const original = counterModule.default;
    const file = path.join(ROOT, GENERATED_VALIDATORS_FILE);
    const counted: string[] = [];
    counterModule.default = Object.assign((s: string) => (counted.push(s), original(s)), { code: original.code });
    delete req.cache[file];
    try {
      const meeting = (req(file) as Record<RecordType, (data: unknown) => boolean>).meeting;
      const data = record();
      data.title = "x".repeat(1990);
      expect(meeting(data)).toBe(true);
      // Every text of the record is well within its limits: nothing is counted.
      expect(counted).toEqual([]);
      // 2,001 units for 1,999 characters (two of them astral): only this string is counted, and passes.
      data.title = `${"x".repeat(1997)}😀😀`;
      expect(meeting(data)).toBe(true);
      expect(counted).toEqual([data.title]);
    } finally {
      counterModule.default = original;
      delete req.cache[file];
    }
  });

  it("give the same verdicts and errors as validators compiled at run time for strings near the limits, with astral characters and lone surrogates", () => {
    const fast = loadSchemaSet().validators.meeting;
    const runtime = createAjv(readSchemas()).getSchema(RECORD_TYPES.meeting.schema)!;
    fc.assert(
      fc.property(nearLimitText, nearLimitText, (title, quote) => {
        const data = record();
        data.title = title;
        (data.sources as Array<Record<string, unknown>>)[0]!.quote = quote;
        expect(fast(data)).toBe(runtime(data));
        expect(strip(fast.errors)).toEqual(strip(runtime.errors));
      }),
      { numRuns: 300 },
    );
  });

  it("leave code without ajv's counter as it is, and guard each comparison of the counter's", () => {
    expect(lengthsFromUnits("if(data.length > 3){}")).toBe("if(data.length > 3){}");
    const code = 'const func2 = require("ajv/dist/runtime/ucs2length").default;if(func2(data1) > 2000){}if(func2(data12) < 2){}';
    expect(lengthsFromUnits(code)).toBe('const func2 = require("ajv/dist/runtime/ucs2length").default;if((data1.length > 2000 && func2(data1) > 2000)){}if((data12.length < 2 || (data12.length < 4 && func2(data12) < 2))){}');
  });
});
