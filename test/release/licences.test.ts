/**
 * The licence split is stated in one module (scripts/lib/release/licences.ts); LICENSE, LICENSE-DATA,
 * package.json, CITATION.cff, the README, a built release's datapackage.json and dataset.json, and the
 * site all say the same thing.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../scripts/lib/paths.ts";
import { CODE_LICENSE, DATA_LICENSE, DATA_LICENSE_FILE, PACKAGE_LICENSE, RELEASE_TEXT_FILES } from "../../scripts/lib/release/licences.ts";
import { buildInto, removeTempDirs, writeFixture } from "../publish/fixture.ts";

afterAll(removeTempDirs);

const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), "utf8");

describe("licences", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildInto(writeFixture());
  }, 120_000);

  it("LICENSE is the MIT licence and LICENSE-DATA holds the full legal text of CC BY 4.0", () => {
    expect(read(CODE_LICENSE.file)).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(read(CODE_LICENSE.file)).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
    const data = read(DATA_LICENSE_FILE);
    expect(data).toContain("Creative Commons Attribution 4.0 International Public License");
    // Every section of the legal code, not a summary.
    for (const section of ["Section 1 – Definitions", "Section 2 – Scope", "Section 3 – License Conditions", "Section 4 – Sui Generis Database Rights", "Section 5 – Disclaimer of Warranties and Limitation of Liability", "Section 6 – Term and Termination", "Section 7 – Other Terms and Conditions", "Section 8 – Interpretation"]) expect(data).toContain(section);
    expect(data).toContain(DATA_LICENSE.path);
  });

  it("package.json states both licences and ships the data licence's text", () => {
    const pkg = JSON.parse(read("package.json")) as { license: string; files: string[] };
    expect(pkg.license).toBe(PACKAGE_LICENSE);
    expect(PACKAGE_LICENSE).toBe("MIT AND CC-BY-4.0");
    expect(pkg.files).toEqual(expect.arrayContaining([DATA_LICENSE_FILE, "CITATION.cff"]));
  });

  it("CITATION.cff names the data licence", () => {
    expect((parse(read("CITATION.cff")) as { license: string }).license).toBe(DATA_LICENSE.name);
  });

  it("the README states the same split", () => {
    const section = read("README.md").split(/^## Licence$/m)[1] ?? "";
    expect(section).toContain(`[${DATA_LICENSE.name}](${DATA_LICENSE_FILE})`);
    expect(section).toContain(`[${CODE_LICENSE.spdx}](${CODE_LICENSE.file})`);
  });

  it("a release's datapackage.json and dataset.json say the same, and the release carries both texts", () => {
    const dp = JSON.parse(fs.readFileSync(path.join(dist, "datapackage.json"), "utf8")) as { licenses: unknown[] };
    expect(dp.licenses).toEqual([DATA_LICENSE]);
    const { metadata } = JSON.parse(fs.readFileSync(path.join(dist, "dataset.json"), "utf8")) as { metadata: { license: string; code_license: string } };
    expect(metadata.license).toBe(DATA_LICENSE.name);
    expect(metadata.code_license).toBe(CODE_LICENSE.spdx);
    for (const file of RELEASE_TEXT_FILES) expect(fs.existsSync(path.join(dist, file)), file).toBe(true);
    expect(fs.readFileSync(path.join(dist, DATA_LICENSE_FILE), "utf8")).toBe(read(DATA_LICENSE_FILE));
  });
});
