/**
 * Writing the site into place whole. The files go into a temporary folder beside the target (same
 * file system, so the renames are atomic), which then replaces the target: readers and static hosts
 * see the old site or the new one, never a mix. A run killed midway leaves only a temporary folder
 * named after its process, which the next run removes.
 *
 * Each file is written with plain synchronous calls, on the thread that made it. At 100,000 records
 * (233,000 files) that measured faster than handing the writes to Node's I/O threads: with both cores
 * already rendering (this thread and the render worker), 32 writes in flight on the I/O threads took
 * 54-57 s in all (user 67-71 s, sys 31 s) against 37-40 s written in line (user 48-53 s, sys 19-20 s):
 * on two cores already busy, the hand-offs cost more CPU than the overlap saved. A file that is the same bytes as a file already on disk (the release's files offered
 * under download/) is hard-linked to it rather than written again, and copied where a link cannot be made.
 *
 * When a site is replaced, a file of the previous site that holds exactly the new bytes at the same path
 * is hard-linked into the new one instead of written again. Replacing a site by an unchanged one then
 * neither creates nor frees a file, only names: at 100,000 records that matters twice, because this
 * file system (ext4) makes every file created within minutes of many files being freed search past the
 * freed ones (the replacing run measured 65-77 s, sys 57-78 s, when each run freed the previous site's
 * 233,000 files).
 */
import fs from "node:fs";
import path from "node:path";
import { removeFoldersOfDeadProcesses } from "../publish/atomic.ts";
import { writeMarker } from "../output-guard.ts";

const tmpPattern = (base: string): RegExp => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(?:tmp|old)-(\\d+)-`);

/** How many files are written between two turns of the event loop, in which a failure on another thread is heard. */
const FILES_PER_TURN = 256;

/** Removes temporary folders that runs which died left beside `out`. */
export function removeDeadSiteTemps(out: string): void {
  const pattern = tmpPattern(path.basename(out));
  removeFoldersOfDeadProcesses(path.dirname(out), (name) => Number(pattern.exec(name)?.[1]));
}

export interface WriteOptions {
  /**
   * The file on disk that holds exactly `content` for the site path `rel`, if any: the site's file is
   * then a hard link to it (a copy where links cannot be made) instead of the bytes written again.
   */
  sameAs?: (rel: string, content: string | Buffer) => string | undefined;
  /**
   * The site being replaced, if any: a regular file there at the same path with exactly the same bytes
   * becomes the new site's file (a hard link), instead of the bytes written again.
   */
  previous?: string | undefined;
}

/** Whether a failed link should fall back to a copy: links across file systems, or where the file system has none. */
const LINK_UNSUPPORTED = new Set(["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS"]);

function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    if (!LINK_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
}

/** Buffers reused from file to file, so that comparing with the previous site allocates nothing per file. */
interface Scratch {
  mine: Buffer;
  theirs: Buffer;
}

const grown = (buffer: Buffer, size: number): Buffer => (buffer.length >= size ? buffer : Buffer.allocUnsafe(Math.max(size, buffer.length * 2)));

/**
 * Whether `rel` in the previous site is a file that can become the new site's own: a regular file
 * with no other name (so nothing outside the site shares it), not a symbolic link and in a folder that
 * really is inside the previous site, holding exactly the bytes of `content` (`size` of them). Anything else, or
 * anything unreadable, is written afresh. `folders` remembers which of the previous site's folders are
 * real.
 */
function keepable(previous: string, rel: string, content: string | Buffer, size: number, folders: Map<string, boolean>, scratch: Scratch): boolean {
  const file = path.join(previous, rel);
  let fd: number | undefined;
  try {
    const folder = path.dirname(file);
    let real = folders.get(folder);
    if (real === undefined) folders.set(folder, (real = fs.realpathSync(folder) === path.join(fs.realpathSync(previous), path.dirname(rel))));
    if (!real) return false;
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.nlink !== 1 || stat.size !== size) return false;
    let mine = content as Buffer;
    if (typeof content === "string") {
      scratch.mine = grown(scratch.mine, size);
      mine = scratch.mine.subarray(0, scratch.mine.write(content));
    }
    scratch.theirs = grown(scratch.theirs, size + 1);
    let read = 0;
    for (let n = -1; n !== 0 && read <= size; read += n) n = fs.readSync(fd, scratch.theirs, read, scratch.theirs.length - read, null);
    return read === size && scratch.theirs.subarray(0, size).equals(mine);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** What was written: bytes, files, and of those the pages (.html) and the files kept from the previous site. */
export interface Written {
  bytes: number;
  files: number;
  pages: number;
  kept: number;
}

/** Nothing written yet. */
export const NOTHING_WRITTEN: Readonly<Written> = { bytes: 0, files: 0, pages: 0, kept: 0 };

/**
 * Writes `files` into the folder `root`, one after another, never over an existing file, and returns
 * what it wrote; a failure is thrown as it happens, so nothing more lands in `root` after it.
 * `stopped()` is asked before each file: when it is true, it stops making files and throws
 * StoppedError. Every FILES_PER_TURN files it lets the event loop turn, so that what another thread
 * reports (and so `stopped()`) can change while it writes.
 */
export async function writeFilesInto(root: string, files: Iterable<[string, string | Buffer]>, options: WriteOptions & { stopped?: () => boolean } = {}): Promise<Written> {
  const written: Written = { ...NOTHING_WRITTEN };
  const folders = new Set<string>([root]);
  const previousFolders = new Map<string, boolean>();
  const scratch: Scratch = { mine: Buffer.allocUnsafe(1 << 16), theirs: Buffer.allocUnsafe(1 << 16) };
  for (const [rel, content] of files) {
    if (written.files % FILES_PER_TURN === FILES_PER_TURN - 1) await new Promise(setImmediate);
    if (options.stopped?.()) throw new StoppedError();
    if (rel.split("/").some((part) => part === ".." || part === "") || path.isAbsolute(rel)) throw new Error(`internal error: site path ${rel} leaves the site folder`);
    const file = path.join(root, rel);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      // Another thread may be making the same folder: recursive creation does not mind that.
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
    const source = options.sameAs?.(rel, content);
    if (source !== undefined) linkOrCopy(source, file);
    else if (options.previous !== undefined && keepable(options.previous, rel, content, size, previousFolders, scratch)) {
      linkOrCopy(path.join(options.previous, rel), file);
      written.kept++;
    } else fs.writeFileSync(file, content, { flag: "wx" });
    written.bytes += size;
    written.files++;
    if (rel.endsWith(".html")) written.pages++;
  }
  return written;
}

/** Thrown by writeFilesInto when it was told to stop. */
export class StoppedError extends Error {
  constructor() {
    super(STOPPED);
  }
}

/** StoppedError's message, which is all that crosses from a worker thread (the worker's side turns it back into a StoppedError). */
export const STOPPED = "stopped: another part of the site failed";

/** Files written into the temporary folder by someone else (another thread) while this thread writes its own. */
export interface Alongside {
  /** Resolves with what it wrote once every file is written; rejects on a failure, after the writing has stopped. */
  done: Promise<Written>;
  /** Asks it to stop; `done` then settles once nothing more can land in the folder. */
  stop(): void;
}

/**
 * Writes `files` (a map, or files made one after another) to a fresh folder and swaps it in for `out`,
 * keeping the files of the site at `out` that are unchanged (see WriteOptions.previous). `alongside`,
 * if given, is started with the fresh folder and the previous site, and writes more files into the
 * fresh folder at the same time. Returns what was written, on both sides. A file that fails to be
 * made or written, here or alongside, leaves the previous site in place and no temporary folder.
 */
export async function writeSiteAtomically(out: string, files: Iterable<[string, string | Buffer]>, options: Omit<WriteOptions, "previous"> & { alongside?: (tmp: string, previous: string | undefined) => Alongside } = {}): Promise<Written> {
  const dir = path.dirname(out);
  const base = path.basename(out);
  fs.mkdirSync(dir, { recursive: true });
  removeDeadSiteTemps(out);
  const tmp = fs.mkdtempSync(path.join(dir, `.${base}.tmp-${process.pid}-`));
  let other: Alongside | undefined;
  try {
    fs.chmodSync(tmp, 0o755); // mkdtemp makes it private; a site is for everyone to read
    const previous = fs.existsSync(out) ? out : undefined;
    other = options.alongside?.(tmp, previous);
    // A failure on either side stops the other at once rather than after all its files.
    let otherFailed = false;
    other?.done.catch(() => (otherFailed = true));
    const own = writeFilesInto(tmp, files, { ...options, previous, stopped: () => otherFailed });
    own.catch(() => other?.stop());
    const [mine, theirs] = await Promise.allSettled([own, other?.done ?? Promise.resolve(NOTHING_WRITTEN)]);
    // The failure that stopped the other side is the one to report, not the other side's having stopped.
    const reasons = [mine, theirs].flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    if (mine.status === "rejected" || theirs.status === "rejected") throw reasons.find((r) => !(r instanceof StoppedError)) ?? reasons[0];
    const written: Written = { bytes: mine.value.bytes + theirs.value.bytes, files: mine.value.files + theirs.value.files, pages: mine.value.pages + theirs.value.pages, kept: mine.value.kept + theirs.value.kept };
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
    // Removed with many deletions at once on the I/O threads: at 100,000 records the old site's
    // 233,000 files went in 9-16 s this way, against 24-26 s one after another (rm -rf, fs.rmSync),
    // mostly waiting on the disk rather than working. Files kept in the new site lose only a name.
    if (hadOld) await fs.promises.rm(old, { recursive: true, force: true });
    return written;
  } catch (error) {
    if (other) {
      other.stop(); // and wait until it has stopped: no write may land in the folder after it is removed
      await other.done.catch(() => undefined);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
