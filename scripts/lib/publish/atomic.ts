/**
 * Writing a release aside and moving it into place, so that readers and later builds only ever see a
 * whole release: a failed or killed build leaves the previous one where it was.
 *
 * Each build writes into its own temporary folder (`.sidelines-cache/build/` beside the output, on the
 * same file system so that renames are atomic). The output (`dist`) is a symbolic link to the release
 * folder in use, `.sidelines-cache/build/dist.release-<id>`: a new release is published by renaming a
 * new link over the old one, one atomic step, so at every instant `dist` leads to a whole release, the
 * previous one or the new one. The release it replaced is kept until the next build, so that a reader
 * already inside it can finish; older ones are removed. Moving into place takes a lock.
 *
 * An output that is still a real folder (a release made before links were used) is moved aside first
 * (two renames, once): a build killed between them leaves `<name>.previous`, which the next build or
 * site run (under the same lock) puts back before doing anything else.
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
const releasePrefix = (out: string): string => `${path.basename(out)}.release-`;
const linkPrefix = (out: string): string => `${path.basename(out)}.link-`;


/** A fresh folder for this build's output, named after this process so that a dead build's is known. */
export function createTempRelease(out: string): string {
  fs.mkdirSync(workDir(out), { recursive: true });
  const dir = fs.mkdtempSync(path.join(workDir(out), `${tmpPrefix(out)}${process.pid}-`));
  fs.chmodSync(dir, 0o755); // mkdtemp makes it private; a release is for everyone to read
  return dir;
}

/** Removes the temporary folders of builds whose process is gone. */
export function removeDeadTempReleases(out: string): string[] {
  const prefixes = [tmpPrefix(out), linkPrefix(out)];
  return removeFoldersOfDeadProcesses(workDir(out), (name) => {
    const prefix = prefixes.find((p) => name.startsWith(p));
    return prefix === undefined ? undefined : Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
  });
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

/** The release folder a link at `out` leads to, if the link is one a build made (into its work folder). */
export function ownReleaseOf(out: string): string | undefined {
  let target: string;
  try {
    target = fs.readlinkSync(out);
  } catch {
    return undefined; // not a link
  }
  const dir = path.resolve(path.dirname(out), target);
  return path.dirname(dir) === workDir(out) && path.basename(dir).startsWith(releasePrefix(out)) ? dir : undefined;
}

/**
 * The real folder of the release at `dist`, resolved once: a reader that goes on reading from it keeps
 * reading one release even if a build publishes another meanwhile.
 */
export function resolveRelease(dist: string): string {
  return fs.realpathSync(dist);
}

/** Puts back a release left aside by a build that died between its two renames. Call under the lock. */
export function recover(out: string): void {
  const previous = previousDir(out);
  if (!fs.existsSync(previous)) return;
  if (!exists(out)) fs.renameSync(previous, out);
  else fs.rmSync(previous, { recursive: true, force: true });
}

/** Whether anything is at `p`, a dangling link included. */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Test hook: the build stops at this point of the swap (and waits to be killed), printing SWAP_PAUSE_MARKER. */
export const SWAP_PAUSE_ENV = "SIDELINES_BUILD_PAUSE_IN_SWAP";
export const SWAP_PAUSE_MARKER = "build: paused in the swap at";
export const SWAP_POINTS = ["release-named", "link-made", "legacy-moved-aside", "published"] as const;
function pauseAt(point: (typeof SWAP_POINTS)[number]): void {
  if (process.env[SWAP_PAUSE_ENV] !== point) return;
  process.stderr.write(`${SWAP_PAUSE_MARKER} ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

/** Publishes the finished release in `tmp` at `out` (see the top of this file). */
export async function swapIntoPlace(tmp: string, out: string): Promise<void> {
  await withLock(out, () => {
    recover(out);
    const work = workDir(out);
    const before = ownReleaseOf(out);
    const release = fs.mkdtempSync(path.join(work, releasePrefix(out)));
    fs.renameSync(tmp, release); // an empty folder is replaced by a rename
    pauseAt("release-named");
    const link = path.join(work, `${linkPrefix(out)}${process.pid}-${path.basename(release).slice(releasePrefix(out).length)}`);
    fs.symlinkSync(path.relative(path.dirname(out), release), link, "dir");
    pauseAt("link-made");
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(out);
    } catch {
      /* nothing there yet */
    }
    if (stat !== undefined && !stat.isSymbolicLink()) {
      // A release folder from before links: moved aside once, put back by recover() if the build dies here.
      fs.renameSync(out, previousDir(out));
      pauseAt("legacy-moved-aside");
    }
    fs.renameSync(link, out); // the one step that publishes: a rename over the previous link
    pauseAt("published");
    fs.rmSync(previousDir(out), { recursive: true, force: true });
    removeOldReleases(out, [release, before]);
  });
}

/** Removes the release folders a build made that are neither in use nor the one just replaced. */
function removeOldReleases(out: string, keep: ReadonlyArray<string | undefined>): void {
  const work = workDir(out);
  for (const name of fs.readdirSync(work)) {
    const dir = path.join(work, name);
    if (name.startsWith(releasePrefix(out)) && !keep.includes(dir)) fs.rmSync(dir, { recursive: true, force: true });
  }
}
