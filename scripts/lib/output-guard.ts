/**
 * Where a command may write its output. The build and the site replace their output folder whole, so
 * before anything is created the folder is checked: it must not be, hold, or lie above what the
 * command reads (the data, the schemas, the repository, the release), nor lie inside the data, the
 * schemas or `.git`; and if it exists it must be empty or a folder the same command made (it carries
 * the marker file written below). Paths are compared after resolving links, `.`, `..` and trailing
 * slashes, so no spelling of a protected folder gets through.
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError, userCwd } from "./cli.ts";

/** The file that marks a folder as made by a Sidelines command, with the kind of output it holds. */
export const OUTPUT_MARKER = ".sidelines-output";

export type OutputKind = "release" | "site" | "archives";

const COMMAND: Record<OutputKind, string> = { release: "npm run build", site: "npm run site", archives: "npm run release:archive" };

/** The marker's text: fixed, so that two builds of the same data stay byte-identical. */
export const markerText = (kind: OutputKind): string => `${JSON.stringify({ made_by: COMMAND[kind], kind })}\n`;

export function writeMarker(dir: string, kind: OutputKind): void {
  fs.writeFileSync(path.join(dir, OUTPUT_MARKER), markerText(kind));
}

/** Whether `dir` (a real folder, not a link) carries the marker of this kind of output. */
export function hasMarker(dir: string, kind: OutputKind): boolean {
  try {
    const file = path.join(dir, OUTPUT_MARKER);
    if (!fs.lstatSync(file).isFile()) return false;
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { kind?: unknown }).kind === kind;
  } catch {
    return false;
  }
}

/** A folder the output must keep clear of. */
export interface Protected {
  path: string;
  /** What it is, in words: "the data", "the repository". */
  what: string;
  /** The output may not lie inside it either (data, schemas, .git); the repository itself may hold outputs. */
  noneInside?: boolean;
}

const inside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : `${parent}${path.sep}`);

/**
 * The real path of `p`, resolving links in every part that exists (a link to a place that does not
 * exist yet is followed too); the parts that do not exist are appended as written.
 */
export function realLocation(p: string, depth = 0): string {
  const abs = path.resolve(p);
  let existing = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest);
    } catch {
      let target: string | undefined;
      try {
        target = fs.readlinkSync(existing);
      } catch {
        /* not a link */
      }
      if (target !== undefined && depth < 40) return path.join(realLocation(path.resolve(path.dirname(existing), target), depth + 1), ...rest);
      const parent = path.dirname(existing);
      if (parent === existing) return abs;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/** The real path of the folder holding `p`, plus its last part as written (not following a link there). */
function realPlace(p: string): string {
  const abs = path.resolve(p);
  const parent = path.dirname(abs);
  return parent === abs ? abs : path.join(realLocation(parent), path.basename(abs));
}

export interface OutputCheck {
  kind: OutputKind;
  protect: readonly Protected[];
  /** A folder this command may replace though it carries no marker (a release written before markers). */
  acceptUnmarked?: (dir: string) => boolean;
  /** Whether a symbolic link at the output is one this command made and may replace (see publish.ts). */
  ownLink?: (out: string) => boolean;
}

/**
 * Throws a UsageError, in one line, when `out` may not be written; creates nothing. Returns the
 * absolute output path.
 */
export function checkOutput(out: string, check: OutputCheck): string {
  const abs = path.resolve(out);
  // Named as the user would: relative to where they ran the command when it lies there.
  const fromUser = path.relative(userCwd(), abs);
  const shown = fromUser === "" ? "." : fromUser.startsWith("..") || path.isAbsolute(fromUser) ? abs : fromUser;
  const refuse = (why: string): never => {
    throw new UsageError(`refusing to write the ${check.kind} to ${shown}: ${why}`);
  };
  // Both where the output is (its folder resolved) and where it leads (a link at the output followed).
  const places = [...new Set([realPlace(abs), realLocation(abs)])];
  for (const p of check.protect) {
    if (!fs.existsSync(p.path)) continue;
    const real = realLocation(p.path);
    for (const place of places) {
      if (place === real) refuse(`it is ${p.what}`);
      if (inside(real, place)) refuse(`it holds ${p.what}`);
      if (p.noneInside && inside(place, real)) refuse(`it is inside ${p.what}`);
    }
  }
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(abs);
  } catch {
    return abs; // nothing there yet
  }
  if (stat.isSymbolicLink()) {
    if (check.ownLink?.(abs)) return abs;
    refuse(`it is a symbolic link that ${COMMAND[check.kind]} did not make; remove it or choose another --out`);
  }
  if (!stat.isDirectory()) refuse("it is a file, not a folder");
  if (fs.readdirSync(abs).length === 0) return abs;
  if (hasMarker(abs, check.kind) || check.acceptUnmarked?.(abs)) return abs;
  return refuse(`it is not empty and was not made by ${COMMAND[check.kind]} (no ${OUTPUT_MARKER} file); remove it or choose another --out`);
}

/** What no output may touch in a dataset repository: the folder itself, and its data, schemas and `.git`. */
export function repositoryFolders(...roots: string[]): Protected[] {
  return [...new Set(roots.map((r) => path.resolve(r)))].flatMap((root) => [
    { path: root, what: "the repository" },
    { path: path.join(root, "data"), what: "the data", noneInside: true },
    { path: path.join(root, "schemas"), what: "the schemas", noneInside: true },
    { path: path.join(root, ".git"), what: "the git repository", noneInside: true },
  ]);
}
