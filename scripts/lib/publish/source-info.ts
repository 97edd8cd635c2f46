/**
 * Where a build's data comes from: the git commit and its time. Never the clock, so that two builds of
 * one commit are byte-identical. Outside a git checkout, or when data/ or schemas/ have uncommitted
 * changes, the commit is "unknown"; SOURCE_DATE_EPOCH (reproducible-builds.org) overrides the time.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../cli.ts";

export interface SourceInfo {
  commit: string;
  /** ISO 8601 in UTC, seconds precision, or "unknown". */
  date: string;
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

const isoUtc = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The latest time a release date can say, in seconds since 1970: 9999-12-31T23:59:59Z (four-digit years). */
const MAX_EPOCH = 253_402_300_799;

/** SOURCE_DATE_EPOCH as seconds, or a usage error that names the variable and says what it must be. */
export function epochSeconds(value: string): number {
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) > MAX_EPOCH) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, from 0 to ${MAX_EPOCH} (got \`${value}\`)`);
  return Number(text);
}

export function sourceInfo(root: string, env: NodeJS.ProcessEnv = process.env): SourceInfo {
  let commit = "unknown";
  let date = "unknown";
  // Only a checkout whose top level is the data root counts: a fixture folder inside another repository is not that repository's data.
  const top = git(root, ["rev-parse", "--show-toplevel"]);
  if (top !== undefined && fs.realpathSync(top) === fs.realpathSync(root)) {
    const head = git(root, ["rev-parse", "HEAD"]);
    const dirty = git(root, ["status", "--porcelain", "--untracked-files=all", "--", "data", "schemas"]);
    if (head && /^[0-9a-f]{40}$/.test(head)) {
      const time = git(root, ["log", "-1", "--format=%ct", head]);
      if (time && /^\d+$/.test(time)) date = isoUtc(Number(time) * 1000);
      if (dirty === "") commit = head;
    }
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined) date = isoUtc(epochSeconds(epoch) * 1000);
  return { commit, date };
}

/** The dataset version: the package version of the repository that builds it. */
export function datasetVersion(packageRoot: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}
