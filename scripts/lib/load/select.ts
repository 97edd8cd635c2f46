/**
 * Which files the paths on a command line select: a record file, a folder under data/ (its records),
 * or data/ itself. A path that selects nothing is a usage error, never a clean pass over nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { relativeToRoot, UsageError } from "../cli.ts";
import type { Discovery, RecordFile } from "./discover.ts";

/** The files (relative to root) that the paths select, among records and files that are not records; in listing order, once each. */
export function selectFiles(root: string, found: Discovery, args: readonly string[]): string[] {
  const all = [...found.records.map((r) => r.file), ...found.diagnostics.map((d) => d.file)];
  const selected = new Set<string>();
  for (const arg of args) {
    const rel = relativeToRoot(root, arg).replace(/\/+$/, "");
    if (rel !== "data" && !rel.startsWith("data/")) {
      throw new UsageError(fs.existsSync(userAbs(root, rel)) ? `${arg} is not under data/` : `no such file: ${arg}`);
    }
    const prefix = `${rel}/`;
    let any = false;
    for (const file of all) {
      if (rel === "data" || file === rel || file.startsWith(prefix)) {
        selected.add(file);
        any = true;
      }
    }
    if (!any) throw new UsageError(fs.existsSync(userAbs(root, rel)) ? `${arg} selects no file to check (symbolic links are not followed)` : `no such file: ${arg}`);
  }
  return [...selected];
}

const userAbs = (root: string, rel: string): string => path.join(root, rel);

/** The record files the paths select (see selectFiles); named files that are not records are left out. */
export function selectRecords(root: string, found: Discovery, args: readonly string[]): RecordFile[] {
  const wanted = new Set(selectFiles(root, found, args));
  return found.records.filter((r) => wanted.has(r.file));
}
