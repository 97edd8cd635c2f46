/**
 * The npm package, packed from the release in use. `dist` is a link to the release folder (see
 * publish/atomic.ts), and `npm pack` leaves links out, so the package is packed from a staging folder:
 * package.json and the files npm always ships, plus a real copy of the release, resolved once (the
 * copy is one release even if a build publishes another meanwhile).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveRelease } from "../publish/atomic.ts";
import { MANIFEST } from "../publish/manifest.ts";

/** The repository files the package holds beside dist/: package.json's `files` and what npm always ships. */
const PACKAGE_FILES = ["package.json", "README.md", "LICENSE", "LICENSE-DATA", "CITATION.cff"];

export interface Packed {
  /** The tarball's path. */
  tarball: string;
  /** The paths the tarball holds, as npm lists them. */
  files: string[];
}

/** Packs `root`'s package.json with the release at `dist` into a tarball in `destination`. */
export function packRelease(root: string, dist: string, destination: string): Packed {
  let release: string;
  try {
    release = resolveRelease(dist);
    fs.accessSync(path.join(release, MANIFEST));
  } catch {
    throw new Error(`${dist} holds no release (no ${MANIFEST}): run \`npm run build\` first`);
  }
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-pack-"));
  try {
    for (const file of PACKAGE_FILES) fs.copyFileSync(path.join(root, file), path.join(stage, file));
    fs.cpSync(release, path.join(stage, "dist"), { recursive: true, dereference: true });
    fs.mkdirSync(destination, { recursive: true });
    const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", path.resolve(destination)], {
      cwd: stage,
      encoding: "utf8",
      env: { ...process.env, npm_config_update_notifier: "false" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const [result] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
    return { tarball: path.join(path.resolve(destination), result!.filename), files: result!.files.map((f) => f.path) };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Whether `dist` is a link (a bare `npm pack` would then ship no release: see the top of this file). */
export function distIsLink(dist: string): boolean {
  try {
    return fs.lstatSync(dist).isSymbolicLink();
  } catch {
    return false;
  }
}
