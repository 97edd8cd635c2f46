/**
 * The stat stamps of record files (see statStamp in read-file.ts), by which the validation cache knows
 * unchanged files without reading them. A large run takes them in a worker thread (stamp-worker-body.ts)
 * while the main thread decodes the cached verdicts: the file system's lookups and the decoding then
 * overlap on two cores instead of following one another.
 */
import os from "node:os";
import fs from "node:fs";
import { statStamp } from "./read-file.ts";
import { startWorker } from "../worker-thread.ts";

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

/**
 * Starts taking the stamps of files (absolute paths) in a worker thread; undefined on a one-core
 * machine, where it would only compete with the caller. The promise resolves with the stamps in order,
 * or with undefined when the worker failed (the caller then takes them itself: nothing is skipped).
 */
export function stampsInWorker(files: readonly string[]): Promise<string[] | undefined> | undefined {
  if (os.availableParallelism() < 2) return undefined;
  if (files.length === 0) return Promise.resolve([]);
  let worker;
  try {
    worker = startWorker(new URL("./stamp-worker-body.ts", import.meta.url), { files: files.join("\0") });
  } catch {
    return undefined;
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (stamps: string[] | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(stamps);
      void worker.terminate();
    };
    worker.once("message", (message: unknown) => {
      const stamps = typeof message === "string" ? message.split("\0") : undefined;
      settle(stamps?.length === files.length ? stamps : undefined);
    });
    worker.once("error", () => settle(undefined));
    worker.once("exit", () => settle(undefined));
  });
}
