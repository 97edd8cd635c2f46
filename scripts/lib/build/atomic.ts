/**
 * Writing a release aside and moving it into place, so that readers and later builds only ever see a
 * whole release: a failed or killed build leaves the previous one where it was.
 *
 * Each build writes into its own temporary folder (`.sidelines-cache/build/` beside the output, on the
 * same file system so that renames are atomic). Moving it into place takes a lock, because replacing a
 * non-empty folder takes two renames: the old release to `<name>.previous`, the new one to `<name>`. A
 * build killed between the two leaves `<name>.previous`, which the next build (under the same lock)
 * puts back before doing anything else. Temporary folders of builds that died are removed the same way.
 */
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const LOCK_TIMEOUT_MS = 120_000;

export function workDir(out: string): string {
  return path.join(path.dirname(out), ".sidelines-cache", "build");
}
const previousDir = (out: string): string => path.join(workDir(out), `${path.basename(out)}.previous`);
const lockFile = (out: string): string => path.join(workDir(out), `${path.basename(out)}.lock`);
const tmpPrefix = (out: string): string => `${path.basename(out)}.tmp-`;

/** Whether a process is still running (one we may not signal is running too). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A fresh folder for this build's output, named after this process so that a dead build's is known. */
export function createTempRelease(out: string): string {
  fs.mkdirSync(workDir(out), { recursive: true });
  const dir = fs.mkdtempSync(path.join(workDir(out), `${tmpPrefix(out)}${process.pid}-`));
  fs.chmodSync(dir, 0o755); // mkdtemp makes it private; a release is for everyone to read
  return dir;
}

/** Removes the temporary folders of builds whose process is gone. */
export function removeDeadTempReleases(out: string): string[] {
  const prefix = tmpPrefix(out);
  return removeFoldersOfDeadProcesses(workDir(out), (name) => (name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : undefined));
}

/**
 * Removes the folders in `dir` left by processes that have died: `pidOf` reads the process id from a
 * folder's name (undefined for folders that are not such leftovers). Returns the names removed.
 */
export function removeFoldersOfDeadProcesses(dir: string, pidOf: (name: string) => number | undefined): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const pid = pidOf(name);
    if (pid !== undefined && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Runs `fn` holding the output's lock file (created exclusively; taken over when its owner is dead). */
export async function withLock<T>(out: string, fn: () => T | Promise<T>): Promise<T> {
  const file = lockFile(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const start = Date.now();
  for (;;) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "", 10);
      if (Number.isInteger(owner) && !alive(owner)) {
        // The owner died holding the lock. Rename before removing so that two builds cannot both take it over.
        const stale = `${file}.stale-${process.pid}`;
        try {
          fs.renameSync(file, stale);
          // Between reading the owner and the rename, another build may have taken the lock over: give it back.
          if (Number.parseInt(fs.readFileSync(stale, "utf8"), 10) !== owner) fs.linkSync(stale, file);
        } catch {
          /* another build took it over first */
        }
        fs.rmSync(stale, { force: true });
        continue;
      }
      if (Date.now() - start > LOCK_TIMEOUT_MS) throw new Error(`timed out waiting for ${file} (held by process ${owner}); remove it if no build is running`);
      await sleep(25);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Puts back a release left aside by a build that died between its two renames. Call under the lock. */
export function recover(out: string): void {
  const previous = previousDir(out);
  if (!fs.existsSync(previous)) return;
  if (!fs.existsSync(out)) fs.renameSync(previous, out);
  else fs.rmSync(previous, { recursive: true, force: true });
}

/** Replaces `out` with the finished release in `tmp`. */
export async function swapIntoPlace(tmp: string, out: string): Promise<void> {
  await withLock(out, () => {
    recover(out);
    const previous = previousDir(out);
    if (fs.existsSync(out)) fs.renameSync(out, previous);
    fs.renameSync(tmp, out);
    fs.rmSync(previous, { recursive: true, force: true });
  });
}
