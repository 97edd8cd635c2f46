/**
 * The release archives attached to a GitHub release: `sidelines-<version>.tar.gz` and `.zip` of a built
 * release folder without its `site/` (the site is deployed on its own), each holding one top folder
 * `sidelines-<version>/`, plus `SHA256SUMS` of the two archives for `sha256sum -c`. The release's own
 * SHA256SUMS, for its files, is inside each archive.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveRelease } from "../publish/atomic.ts";
import { sha256 } from "../publish/output-file.ts";
import { MANIFEST } from "../publish/manifest.ts";
import { writeMarker } from "../output-guard.ts";

export const SITE_DIR = "site";

/** The names of a version's archives, as attached to its GitHub release (tag `v<version>`). */
export function archiveNames(version: string): { top: string; tar: string; zip: string } {
  const top = `sidelines-${version}`;
  return { top, tar: `${top}.tar.gz`, zip: `${top}.zip` };
}

export interface Archives {
  version: string;
  files: string[];
}

/** Writes the archives of the release in `dist` into `outDir` (created if absent); returns their names. */
export function writeArchives(distPath: string, outDir: string): Archives {
  // Resolved once: both archives hold the same release even if a build publishes another meanwhile.
  const dist = resolveRelease(distPath);
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, MANIFEST), "utf8")) as { name?: unknown; version?: unknown };
  if (manifest.name !== "sidelines" || typeof manifest.version !== "string") throw new Error(`${distPath} holds no Sidelines release (${MANIFEST})`);
  const { top, tar: tarName, zip: zipName } = archiveNames(manifest.version);
  fs.mkdirSync(outDir, { recursive: true });
  writeMarker(outDir, "archives");
  const out = path.resolve(outDir);
  // Both tools see the release through a link named as the archive's top folder, so that the
  // archives unpack into one folder of that name.
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-archive-"));
  try {
    fs.symlinkSync(dist, path.join(stage, top), "dir");
    for (const name of [tarName, zipName]) fs.rmSync(path.join(out, name), { force: true });
    execFileSync("tar", ["--dereference", "--sort=name", "--owner=0", "--group=0", "--numeric-owner", `--exclude=${top}/${SITE_DIR}`, "-czf", path.join(out, tarName), top], { cwd: stage, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, GZIP: "-n" } });
    execFileSync("zip", ["-q", "-r", "-X", path.join(out, zipName), top, "-x", `${top}/${SITE_DIR}/*`], { cwd: stage, stdio: ["ignore", "ignore", "pipe"] });
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  const sums = [tarName, zipName].map((name) => `${sha256(fs.readFileSync(path.join(out, name)))}  ${name}\n`).join("");
  fs.writeFileSync(path.join(out, "SHA256SUMS"), sums);
  return { version: manifest.version, files: [tarName, zipName, "SHA256SUMS"] };
}
