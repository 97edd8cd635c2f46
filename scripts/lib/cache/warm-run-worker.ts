/**
 * The worker thread of a large warm run (one whose validation cache holds most verdicts), on the core
 * the main thread leaves idle: it takes the files' stat stamps while the main thread decodes the cached
 * verdicts, then, for a human report without colour, makes the report's block of each cached file
 * (format-human.ts, fileBlock) while the main thread checks the dataset. The main thread uses a block
 * only for a file whose every diagnostic is the cached verdict's (see validate.ts), so that the report is
 * the one it would make itself; a worker that fails leaves the main thread to do both, as on one core.
 */
import os from "node:os";
import { startWorker } from "../worker-thread.ts";
import type { PrerenderJob } from "./validation-cache.ts";

/** What the worker is given: the files to stamp (absolute paths), and the cached verdicts to make blocks of. */
export interface WarmRunJob {
  /** Absolute paths joined by NUL. */
  files: string;
  prerender?: PrerenderJob & { strict: boolean };
}

export type WarmRunMessage = { stamps: string } | { blocks: Array<string | null> };

export interface WarmRunWorker {
  /** The stamps of the files in order; undefined when the worker failed (the caller takes them itself). */
  stamps: Promise<string[] | undefined>;
  /** Per slot of the cached verdicts, the file's block (null: none made); undefined when not asked for or the worker failed. */
  blocks: Promise<Array<string | null> | undefined>;
}

/** Starts the worker; undefined on a one-core machine, where it would only compete with the main thread. */
export function startWarmRunWorker(files: readonly string[], prerender?: WarmRunJob["prerender"]): WarmRunWorker | undefined {
  if (os.availableParallelism() < 2) return undefined;
  let worker;
  try {
    worker = startWorker(new URL("./warm-run-worker-body.ts", import.meta.url), { files: files.join("\0"), ...(prerender ? { prerender } : {}) } satisfies WarmRunJob);
  } catch {
    return undefined;
  }
  let gotStamps: (stamps: string[] | undefined) => void = () => undefined;
  let gotBlocks: (blocks: Array<string | null> | undefined) => void = () => undefined;
  const stamps = new Promise<string[] | undefined>((resolve) => (gotStamps = resolve));
  const blocks = new Promise<Array<string | null> | undefined>((resolve) => (gotBlocks = resolve));
  const fail = (): void => {
    gotStamps(undefined);
    gotBlocks(undefined);
    void worker.terminate();
  };
  worker.on("message", (message: WarmRunMessage) => {
    if ("stamps" in message) {
      const list = files.length === 0 ? [] : message.stamps.split("\0");
      gotStamps(list.length === files.length ? list : undefined);
      if (!prerender) fail();
    } else {
      gotBlocks(Array.isArray(message.blocks) && message.blocks.length === (prerender?.offsets.length ?? 0) / 2 ? message.blocks : undefined);
      fail();
    }
  });
  worker.once("error", fail);
  worker.once("exit", fail);
  return { stamps, blocks };
}
