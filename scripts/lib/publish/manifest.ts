/**
 * Step 6 of the build: manifest.json (version, provenance, record counts, the sourcing figures, the SHA-256 and size of every
 * file) and SHA256SUMS (the same hashes plus manifest.json's, in `sha256sum -c` form).
 */
import fs from "node:fs";
import path from "node:path";
import type { DatasetMetadata, Manifest } from "../types.generated.ts";
import { compareStrings, prettyJson } from "./json.ts";
import { sha256 } from "./output-file.ts";

export const MANIFEST = "manifest.json";
export const SUMS = "SHA256SUMS";

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk("");
  return out.sort(compareStrings);
}

export interface FileHash {
  sha256: string;
  bytes: number;
}

/**
 * Writes manifest.json and SHA256SUMS for every file in `dir`, and returns the manifest with the
 * release's file count and size. Hashes the build already took as it wrote (`known`) are used as
 * they are; other files are read and hashed here.
 */
export function writeManifest(dir: string, metadata: DatasetMetadata, known: ReadonlyMap<string, FileHash>, quality: Manifest["quality"]): { manifest: Manifest; files: number; bytes: number } {
  const files: Manifest["files"] = {};
  for (const rel of listFiles(dir)) {
    if (rel === MANIFEST || rel === SUMS) continue;
    const hit = known.get(rel);
    if (hit) {
      files[rel] = { sha256: hit.sha256, bytes: hit.bytes };
      continue;
    }
    const bytes = fs.readFileSync(path.join(dir, rel));
    files[rel] = { sha256: sha256(bytes), bytes: bytes.length };
  }
  const manifest: Manifest = {
    name: "sidelines",
    version: metadata.version,
    source_commit: metadata.source_commit,
    source_date: metadata.source_date,
    record_counts: metadata.record_counts,
    quality,
    files,
  };
  const text = prettyJson(manifest);
  fs.writeFileSync(path.join(dir, MANIFEST), text);
  const listed = { ...files, [MANIFEST]: { sha256: sha256(text), bytes: Buffer.byteLength(text) } };
  const sums = Object.entries(listed)
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([rel, f]) => `${f!.sha256}  ${rel}\n`)
    .join("");
  fs.writeFileSync(path.join(dir, SUMS), sums);
  // The release as a whole: every file above plus SHA256SUMS itself.
  const bytes = Object.values(listed).reduce((n, f) => n + f!.bytes, 0) + Buffer.byteLength(sums);
  return { manifest, files: Object.keys(listed).length + 1, bytes };
}
