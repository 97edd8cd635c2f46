/**
 * Reading a built release. The site is made from the published files only (dataset.json for the
 * records, manifest.json and SHA256SUMS for the downloads), and every file is checked against
 * SHA256SUMS first: the site offers the files for download with their checksums, so they must match.
 */
import { sha256 } from "../publish/output-file.ts";
import fs from "node:fs";
import path from "node:path";
import type { Dataset, Manifest } from "../types.generated.ts";

export interface Release {
  dataset: Dataset;
  manifest: Manifest;
  /** SHA-256 of every file the release's SHA256SUMS lists (manifest.json included), by relative path. */
  sums: Map<string, string>;
  /** The release folder. */
  dir: string;
  /** Every listed file and SHA256SUMS, as read and checked: the site offers exactly these bytes. */
  files: Map<string, Buffer>;
}

export class ReleaseError extends Error {}

export function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) throw new ReleaseError(`SHA256SUMS: cannot read the line ${JSON.stringify(line)}`);
    sums.set(m[2]!, m[1]!);
  }
  return sums;
}

/** Reads and checks the release in `dir`; throws ReleaseError when it is missing, incomplete or altered. */
export function readRelease(dir: string): Release {
  const file = (rel: string): Buffer => {
    const full = path.join(dir, rel);
    if (!fs.existsSync(full)) throw new ReleaseError(`${full} is missing: run \`npm run build\` first`);
    return fs.readFileSync(full);
  };
  const sumsFile = file("SHA256SUMS");
  const sums = parseSums(sumsFile.toString("utf8"));
  const files = new Map<string, Buffer>();
  for (const [rel, expected] of sums) {
    if (rel.split("/").includes("..") || path.isAbsolute(rel)) throw new ReleaseError(`SHA256SUMS names a file outside the release: ${rel}`);
    const bytes = file(rel);
    if (sha256(bytes) !== expected) throw new ReleaseError(`${rel} does not match SHA256SUMS: the release in ${dir} was changed after it was built; rebuild it`);
    files.set(rel, bytes);
  }
  files.set("SHA256SUMS", sumsFile);
  if (!sums.has("dataset.json") || !sums.has("manifest.json")) throw new ReleaseError("SHA256SUMS does not list dataset.json and manifest.json: not a Sidelines release");
  const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as Manifest;
  if (manifest.name !== "sidelines") throw new ReleaseError(`${path.join(dir, "manifest.json")} is not a Sidelines manifest`);
  const dataset = JSON.parse(files.get("dataset.json")!.toString("utf8")) as Dataset;
  return { dataset, manifest, sums, dir, files };
}
