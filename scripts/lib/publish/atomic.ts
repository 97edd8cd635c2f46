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
import { alive } from "../process-alive.ts";

const LOCK_TIMEOUT_MS = 120_000;

export function workDir(out: string): string {
  return path.join(path.dirname(out), ".sidelines-cache", "build");
}
const previousDir = (out: string): string => path.join(workDir(out), `${path.basename(out)}.previous`);
const lockFile = (out: string): string => path.join(workDir(out), `${path.basename(out)}.lock`);
const tmpPrefix = (out: string): string => `${path.basename(out)}.tmp-`;


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

/**
 * Who holds a lock: the process id and, where the system tells (Linux), the process's start time, so
 * that a process id reused by another program after a crash is not taken for the build that died.
 */
interface LockOwner {
  pid: number;
  started?: string;
}

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined elsewhere. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Why a lock's holder is gone, or undefined while it may still be working. */
export function staleReason(text: string, ageMs: number): string | undefined {
  let owner: LockOwner | undefined;
  const pid = Number(text.trim()); // the older form: the process id alone
  if (/^\d+$/.test(text.trim()) && pid > 0) owner = { pid };
  else {
    try {
      const parsed = JSON.parse(text) as LockOwner | null;
      if (parsed && Number.isInteger(parsed.pid) && parsed.pid > 0) owner = parsed;
    } catch {
      /* not a lock this toolkit wrote */
    }
  }
  // An empty or unreadable lock (a full disk, a kill while it was written) is stale once it is not brand new.
  if (!owner) return ageMs > LOCK_GRACE_MS ? (text.trim() === "" ? "it is empty" : "it cannot be read") : undefined;
  if (!alive(owner.pid)) return `process ${owner.pid}, which held it, is no longer running`;
  if (owner.started !== undefined) {
    const now = startTimeOf(owner.pid);
    if (now !== undefined && now !== owner.started) return `process id ${owner.pid} now belongs to another program`;
  }
  return undefined;
}

/** How long a lock may be empty or unreadable before it counts as stale (another build may be writing it). */
const LOCK_GRACE_MS = 2_000;

/** Creates the lock with its content in one step (a link to a file written first), or returns false if it exists. */
function tryCreateLock(file: string, text: string): boolean {
  const tmp = `${file}.new-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  fs.writeFileSync(tmp, text);
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Runs `fn` holding the output's lock file. A lock whose holder is gone — empty, unreadable, held by a
 * dead process or by a process id now reused — is taken over with a one-line notice, never waited for.
 */
export async function withLock<T>(out: string, fn: () => T | Promise<T>, notice: (line: string) => void = (line) => console.error(line)): Promise<T> {
  const file = lockFile(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = startTimeOf(process.pid);
  const mine = `${JSON.stringify({ pid: process.pid, ...(started === undefined ? {} : { started }) })}\n`;
  const start = Date.now();
  let holder = "";
  for (;;) {
    if (tryCreateLock(file, mine)) break;
    let text: string;
    let age: number;
    try {
      age = Date.now() - fs.statSync(file).mtimeMs;
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // released meanwhile
      text = "";
      age = Infinity; // a lock that cannot be read (a folder, no permission) is as good as empty
    }
    holder = text.trim();
    const reason = staleReason(text, age);
    if (reason !== undefined) {
      // Rename before removing so that two builds cannot both take it over; give back a lock that
      // another build took over between the read and the rename.
      const stale = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, stale);
        let now = "";
        try {
          now = fs.readFileSync(stale, "utf8");
        } catch {
          /* unreadable, as judged */
        }
        if (now !== text) fs.linkSync(stale, file);
        else notice(`note: took over the lock ${file}: ${reason}`);
      } catch {
        /* another build took it over first */
      }
      fs.rmSync(stale, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - start > LOCK_TIMEOUT_MS) throw new Error(`timed out after ${LOCK_TIMEOUT_MS / 1000} s waiting for ${file}, held by a running process (${holder}); remove it if no build is running`);
    await sleep(25);
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
