/**
 * The stat stamps of record files (see statStamp in read-file.ts), by which the validation cache knows
 * unchanged files without reading them. A large warm run takes them in a worker thread (see
 * cache/warm-run-worker.ts).
 */
import fs from "node:fs";
import { statStamp } from "./read-file.ts";

/** A file's stat stamp without reading it ("" when it cannot be had: the file is then read). */
export function lstatStamp(abs: string): string {
  try {
    const st = fs.lstatSync(abs, { throwIfNoEntry: false });
    return st?.isFile() ? statStamp(st) : "";
  } catch {
    return "";
  }
}

/** The stamps of files (absolute paths) in order, taken here. */
export const stampsOf = (files: readonly string[]): string[] => files.map(lstatStamp);
