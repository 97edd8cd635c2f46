/**
 * Where a build's data comes from: the git commit and its time. Never the clock, so that two builds of
 * one commit are byte-identical. Outside a git checkout, or when data/ or schemas/ have uncommitted
 * changes, the commit is "unknown"; SOURCE_DATE_EPOCH (reproducible-builds.org) overrides the time.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

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
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) date = isoUtc(Number(epoch.trim()) * 1000);
  return { commit, date };
}

/** The dataset version: the package version of the repository that builds it. */
export function datasetVersion(packageRoot: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}
