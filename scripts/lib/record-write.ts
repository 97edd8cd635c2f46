/**
 * Writing record files in place (`npm run format`, `npm run new`): only regular files directly in a
 * record folder of the repository's own `data/`, never through a symbolic link, never anywhere else.
 * Every part of the path is checked with lstat from the repository down, and the file is replaced by
 * a rename from a temporary file in the same folder, so an interrupted write leaves the old file.
 */
import fs from "node:fs";
import path from "node:path";
import { TYPE_BY_FOLDER } from "./record-types.ts";

/** A record file that may not be written, with the reason in plain words. */
export class UnsafeRecordPath extends Error {}

/**
 * Checks that `rel` (relative to `root`, `data/<folder>/<name>.yaml`) is a place for a record: `data/`
 * and the record folder are real folders (not links) inside `root`, and the file, if it exists, is a
 * regular file. Returns the absolute path.
 */
export function recordPath(root: string, rel: string): string {
  const parts = rel.split("/");
  if (parts.length !== 3 || parts[0] !== "data" || !TYPE_BY_FOLDER.has(parts[1]!) || !parts[2]!.endsWith(".yaml") || parts[2] === ".yaml" || parts.some((p) => p === "" || p === "." || p === "..")) {
    throw new UnsafeRecordPath(`${rel} is not a record file (data/<type folder>/<id>.yaml)`);
  }
  const realRoot = fs.realpathSync(root);
  let dir = realRoot;
  for (const [i, part] of parts.entries()) {
    const at = path.join(dir, part);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new UnsafeRecordPath(`${rel}: ${parts.slice(0, i + 1).join("/")} cannot be examined (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const shown = parts.slice(0, i + 1).join("/");
    if (stat?.isSymbolicLink()) throw new UnsafeRecordPath(`${shown} is a symbolic link; records are written only to real files inside data/`);
    if (i < parts.length - 1 && stat && !stat.isDirectory()) throw new UnsafeRecordPath(`${shown} is not a folder`);
    if (i === parts.length - 1 && stat && !stat.isFile()) throw new UnsafeRecordPath(`${shown} is not a regular file`);
    dir = at;
  }
  return dir;
}

/**
 * Replaces an existing record file with `text` (atomically, by rename) or, with `create`, writes a new
 * one that must not exist yet. The path is checked first (see recordPath).
 */
export function writeRecordFile(root: string, rel: string, text: string, options: { create?: boolean } = {}): void {
  const abs = recordPath(root, rel);
  if (options.create) {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    recordPath(root, rel); // the folder just made (or found) is still a real one
    // O_EXCL never follows a link and fails if the file appeared meanwhile: never overwrite.
    const fd = fs.openSync(abs, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o644);
    try {
      fs.writeSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  if (!fs.existsSync(abs)) throw new UnsafeRecordPath(`${rel} no longer exists`);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.tmp-${process.pid}`);
  const mode = fs.statSync(abs).mode & 0o777;
  try {
    fs.writeFileSync(tmp, text, { flag: "wx", mode });
    fs.renameSync(tmp, abs);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
