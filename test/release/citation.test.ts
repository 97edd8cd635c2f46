/**
 * CITATION.cff is valid Citation File Format 1.2.0 (against the format's own JSON Schema, kept in
 * test/release/cff-1.2.0/ with its licence), is a dataset, and keeps step with package.json's version;
 * a release carries a copy with the release's version and date, and the citation it gives (BibTeX and
 * APA) is made from that copy.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { addFormats } from "../../scripts/lib/schemas.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { cffField, formatCitation, releaseCff, releaseCitation } from "../../scripts/lib/release/citation.ts";

const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), "utf8");
const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "cff-1.2.0/schema.json"), "utf8")) as Record<string, unknown>;

function cffProblems(text: string): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe("CITATION.cff", () => {
  it("is valid against the CFF 1.2.0 schema, and is a dataset", () => {
    expect(cffProblems(read("CITATION.cff"))).toEqual([]);
    const cff = parse(read("CITATION.cff")) as Record<string, unknown>;
    expect(cff["cff-version"]).toBe("1.2.0");
    expect(cff.type).toBe("dataset");
  });

  it("the schema check is live: a CFF without authors, or with a bad date, fails", () => {
    expect(cffProblems(read("CITATION.cff").replace(/^authors:\n(?:  .*\n)+/m, ""))).not.toEqual([]);
    expect(cffProblems(read("CITATION.cff").replace(/^date-released: .*$/m, "date-released: 2026-13-45"))).not.toEqual([]);
  });

  it("keeps step with package.json's version", () => {
    expect(cffField(read("CITATION.cff"), "version")).toBe((JSON.parse(read("package.json")) as { version: string }).version);
  });

  it("a release's copy has the release's version and the day of its source date, and is still valid", () => {
    const copy = releaseCff(read("CITATION.cff"), "9.8.7", "2027-03-04T05:06:07Z");
    expect(cffField(copy, "version")).toBe("9.8.7");
    expect(cffField(copy, "date-released")).toBe("2027-03-04");
    expect(cffProblems(copy)).toEqual([]);
    // An unknown source date leaves the repository's date as it is.
    expect(cffField(releaseCff(read("CITATION.cff"), "9.8.7", "unknown"), "date-released")).toBe(cffField(read("CITATION.cff"), "date-released"));
  });

  it("gives a BibTeX entry and an APA reference with the title, authors, year and version", async () => {
    const c = await releaseCitation(ROOT, "9.8.7", "2027-03-04T05:06:07Z");
    const title = cffField(read("CITATION.cff"), "title")!;
    expect(c.bibtex).toMatch(/^@misc\{[^,]+,\n/);
    expect(c.bibtex).toContain(`title = {${title}}`);
    expect(c.bibtex).toContain("year = {2027}");
    expect(c.bibtex).toContain("note = {Version 9.8.7}");
    expect(c.bibtex).toContain("author = {{The Sidelines contributors}}");
    expect(c.apa).toBe(`The Sidelines contributors. (2027). ${title} (9.8.7) [Data set].`);
    // Deterministic: the same input gives the same text.
    expect(await formatCitation(c.cff)).toEqual(c);
  });
});
