/**
 * Writing the site into place whole. The files go into a temporary folder beside the target (same
 * file system, so the renames are atomic), which then replaces the target: readers and static hosts
 * see the old site or the new one, never a mix. A run killed midway leaves only a temporary folder
 * named after its process, which the next run removes.
 */
import fs from "node:fs";
import path from "node:path";
import { removeFoldersOfDeadProcesses } from "../publish/atomic.ts";
import { writeMarker } from "../output-guard.ts";

const tmpPattern = (base: string): RegExp => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(?:tmp|old)-(\\d+)-`);

/** Removes temporary folders that runs which died left beside `out`. */
export function removeDeadSiteTemps(out: string): void {
  const pattern = tmpPattern(path.basename(out));
  removeFoldersOfDeadProcesses(path.dirname(out), (name) => Number(pattern.exec(name)?.[1]));
}

/** Writes `files` (a map, or files made one after another) to a fresh folder and swaps it in for `out`. Returns the number of bytes written. */
export function writeSiteAtomically(out: string, files: Iterable<[string, string | Buffer]>): number {
  const dir = path.dirname(out);
  const base = path.basename(out);
  fs.mkdirSync(dir, { recursive: true });
  removeDeadSiteTemps(out);
  const tmp = fs.mkdtempSync(path.join(dir, `.${base}.tmp-${process.pid}-`));
  let bytes = 0;
  try {
    fs.chmodSync(tmp, 0o755); // mkdtemp makes it private; a site is for everyone to read
    for (const [rel, content] of files) {
      if (rel.split("/").some((part) => part === ".." || part === "") || path.isAbsolute(rel)) throw new Error(`internal error: site path ${rel} leaves the site folder`);
      const file = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      bytes += typeof content === "string" ? Buffer.byteLength(content) : content.length;
    }
    writeMarker(tmp, "site");
    const old = path.join(dir, `.${base}.old-${process.pid}-${path.basename(tmp).slice(-6)}`);
    const hadOld = fs.existsSync(out);
    if (hadOld) fs.renameSync(out, old);
    try {
      fs.renameSync(tmp, out);
    } catch (error) {
      if (hadOld) fs.renameSync(old, out); // put the previous site back
      throw error;
    }
    if (hadOld) fs.rmSync(old, { recursive: true, force: true });
    return bytes;
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
