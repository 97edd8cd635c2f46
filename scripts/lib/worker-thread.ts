/**
 * The one way the toolkit starts a worker thread. `body` is the TypeScript module the worker runs, as a
 * URL beside the caller (`new URL("./load-worker-body.ts", import.meta.url)`):
 * - run as compiled JavaScript (the commands, through scripts/run.mjs), the worker runs the body's own
 *   compiled module, which the compiler writes beside the commands under the body's file name;
 * - run as TypeScript (tests, or the launcher's fallback to tsx), it starts worker-entry.mjs, which
 *   registers tsx's loader (worker threads do not inherit it) and imports the body.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

export function startWorker(body: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!body.pathname.endsWith(".ts")) throw new Error(`a worker body is a TypeScript module (got ${body.pathname})`);
  const limits = resourceLimits ? { resourceLimits } : {};
  if (import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker-entry.mjs", import.meta.url), { workerData, argv: [body.href], ...limits });
  return new Worker(new URL(body.href.replace(/\.ts$/, ".mjs")), { workerData, ...limits });
}
