import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { RECORD_TYPE_NAMES, RECORD_TYPES, TYPE_BY_FOLDER, type RecordType } from "../record-types.ts";
import type { FieldPaths } from "../schema-paths.ts";
import { parseRecordText } from "./load-record.ts";

import { UsageError } from "../cli.ts";

export { UsageError };

function git(root: string, args: string[], input?: string): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024, ...(input === undefined ? {} : { input }) });
}

/** A git command started now, its output awaited later: git runs on another core meanwhile. */
function gitLater(root: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** `--changed` compares with git: say plainly when there is no git, or no repository, before blaming the ref. */
function assertGitRepository(root: string): void {
  try {
    git(root, ["rev-parse", "--is-inside-work-tree"]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError("--changed needs git, which is not installed (or not on the PATH)");
    throw new UsageError(`--changed needs a git repository, and ${root} is not inside one; check every record instead (without --changed)`);
  }
}

/**
 * The ids a forum file names: its own and its editions', in block or flow style (`editions: [{id: x}]`,
 * `- {id: x, status: held}`) alike, read by the parser the validator uses. A file that does not parse
 * gives every `id:` key written anywhere, block or flow, quoted or not: a superset, which only adds
 * records to check.
 */
export function idsInText(text: string): string[] {
  const parsed = parseRecordText("", text);
  if (parsed.ok) {
    const { data } = parsed.parsed;
    const editions = Array.isArray(data.editions) ? data.editions : [];
    return [data.id, ...editions.map((e) => (e && typeof e === "object" ? (e as Record<string, unknown>).id : undefined))].filter((id): id is string => typeof id === "string");
  }
  return [...text.matchAll(/(?:^|[\s{,\[-])['"]?id['"]?\s*:\s*['"]?([a-z0-9-]+)/gm)].map((m) => m[1]!);
}

const idOfPath = (file: string): string | undefined => {
  const parts = file.split("/");
  return parts.length === 3 && parts[0] === "data" && TYPE_BY_FOLDER.has(parts[1]!) && parts[2]!.endsWith(".yaml") ? parts[2]!.slice(0, -5) : undefined;
};
const typeOfPath = (file: string): RecordType | undefined => TYPE_BY_FOLDER.get(file.split("/")[1] ?? "");

export interface ChangeSet {
  /** Files under data/ that were added, modified or are the new side of a rename (still present). */
  changedFiles: string[];
  /**
   * Ids that appeared or disappeared: added, deleted and renamed records (both sides), and editions
   * added to or removed from a forum. Any record that mentions one may now resolve differently or
   * clash with it, whatever its type.
   */
  newOrGoneIds: string[];
  /** Ids of records edited in place, and of the editions an edited forum keeps. */
  editedIds: string[];
  /** What the edited ids name: only records with a field that can point to these types may be affected. */
  editedTypes: Array<RecordType | "edition">;
}

/**
 * What changed under `data/` since `ref`, in the working tree (committed, staged, unstaged and untracked).
 * A ref that does not exist is a usage error with a plain message (thrown at once). The two git
 * commands that stat or walk every file (diff, ls-files) run at once, in other processes, while the
 * caller goes on (listing the dataset, say) until it awaits the answer.
 */
export function changesSince(root: string, ref: string): Promise<ChangeSet> {
  assertGitRepository(root);
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed: \`${ref}\` is not a commit, branch or tag in this repository (try \`git fetch\`, or name another ref)`);
  }
  const answers = Promise.all([gitLater(root, ["diff", "--relative", "--name-status", "-M", "-z", ref, "--", "data"]), gitLater(root, ["ls-files", "--others", "--exclude-standard", "-z", "--", "data"])]);
  return collectChanges(root, ref, answers);
}

/** The change set from git's answers: `diff --name-status -z` against the ref, and the untracked files. */
async function collectChanges(root: string, ref: string, answers: Promise<[diff: string, untracked: string]>): Promise<ChangeSet> {
  const [diffText, untrackedText] = await answers;
  const changed = new Set<string>();
  const newOrGone = new Set<string>();
  const edited = new Set<string>();
  const editedTypes = new Set<RecordType | "edition">();
  // A forum's edition ids live inside the file, on the old side (at the ref) and the new (on disk).
  const oldIds = (file: string): string[] => {
    try {
      return idsInText(git(root, ["show", `${ref}:./${file}`]));
    } catch {
      return []; // added in the working tree: no old side
    }
  };
  const newIds = (file: string): string[] => (fs.existsSync(path.join(root, file)) ? idsInText(fs.readFileSync(path.join(root, file), "utf8")) : []);
  const appearOrGo = (file: string, side: "old" | "new"): void => {
    const id = idOfPath(file);
    if (id) newOrGone.add(id);
    if (typeOfPath(file) === "forum") for (const e of side === "old" ? oldIds(file) : newIds(file)) newOrGone.add(e);
  };
  const diff = diffText.split("\0").filter(Boolean);
  for (let i = 0; i < diff.length; ) {
    const status = diff[i++]!;
    const files = status.startsWith("R") || status.startsWith("C") ? [diff[i++]!, diff[i++]!] : [diff[i++]!];
    const current = files[files.length - 1]!;
    if (!status.startsWith("D")) changed.add(current);
    if (status.startsWith("M") || status.startsWith("T")) {
      const id = idOfPath(current);
      const type = typeOfPath(current);
      if (id && type) {
        edited.add(id);
        editedTypes.add(type);
      }
      if (type === "forum") {
        const before = new Set(oldIds(current));
        const after = new Set(newIds(current));
        for (const e of before) (after.has(e) ? edited : newOrGone).add(e);
        for (const e of after) if (!before.has(e)) newOrGone.add(e);
        editedTypes.add("edition");
      }
    } else {
      appearOrGo(files[0]!, status.startsWith("A") ? "new" : "old");
      if (files.length === 2) appearOrGo(files[1]!, "new");
    }
  }
  for (const f of untrackedText.split("\0").filter(Boolean)) {
    changed.add(f);
    appearOrGo(f, "new");
  }
  for (const id of newOrGone) edited.delete(id);
  return { changedFiles: [...changed].sort(), newOrGoneIds: [...newOrGone].sort(), editedIds: [...edited].sort(), editedTypes: [...editedTypes].sort() };
}

/**
 * The record folders whose records may reference an id of these types, read off the schemas'
 * `x-refers-to`: a changed meeting can only matter to records with a field that points to meetings.
 * A tombstone changes what any reference to its id means, so it asks for every folder.
 */
export function referringFolders(types: Iterable<RecordType | "edition">, paths: Readonly<Record<RecordType, FieldPaths>>): string[] {
  const wanted = new Set(types);
  if (wanted.has("tombstone")) return RECORD_TYPE_NAMES.map((t) => RECORD_TYPES[t].folder);
  return RECORD_TYPE_NAMES.filter((t) => paths[t].refs.some((r) => r.targets.some((target) => wanted.has(target as RecordType | "edition")))).map((t) => RECORD_TYPES[t].folder);
}

/**
 * Files under data/ (or under the given record folders) whose text mentions any of the ids as a whole
 * token — a superset of the records that reference them, found without parsing (git grep over tracked
 * files, plus untracked ones).
 */
export function filesMentioning(root: string, ids: readonly string[], folders?: readonly string[]): string[] {
  if (ids.length === 0 || folders?.length === 0) return [];
  // Fixed strings as whole words: fast, and a superset (a hyphen counts as a word boundary, so
  // `x-foo` also matches `foo`), which only adds records to check.
  // The ids go to git on standard input (-f -), never as arguments: tens of thousands of new records
  // would exceed the system's limit on a command line (E2BIG).
  let out: string;
  try {
    out = git(root, ["grep", "-l", "-z", "-F", "-w", "--untracked", "-f", "-", "--", ...(folders ? folders.map((f) => `data/${f}`) : ["data"])], `${ids.join("\n")}\n`);
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
  return out.split("\0").filter(Boolean).map((f) => f.split(path.sep).join("/"));
}
