/**
 * The release tag must name the version being released: `v` + package.json's version, which is also the
 * dataset version and CITATION.cff's. The release workflow refuses any other tag before it builds.
 */
import fs from "node:fs";
import path from "node:path";
import { cffField, CITATION_FILE } from "./citation.ts";

/** Why `tag` may not release the repository at `root`, or undefined when it may. */
export function tagProblem(tag: string, root: string): string | undefined {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version?: unknown };
  if (typeof pkg.version !== "string" || pkg.version === "") return "package.json has no version";
  const expected = `v${pkg.version}`;
  if (tag !== expected) return `tag ${JSON.stringify(tag)} does not match package.json's version ${pkg.version}: the tag must be ${expected}`;
  const cff = cffField(fs.readFileSync(path.join(root, CITATION_FILE), "utf8"), "version");
  if (cff !== pkg.version) return `${CITATION_FILE} says version ${cff ?? "(none)"}, package.json ${pkg.version}: set CITATION.cff's version (and date-released) before tagging`;
  return undefined;
}
