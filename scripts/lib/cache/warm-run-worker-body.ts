/** The worker thread of a large warm run (see warm-run-worker.ts): stamps first, then report blocks. */
import { parentPort, workerData } from "node:worker_threads";
import { stampsOf } from "../load/stamps.ts";
import { compareDiagnostics } from "../diagnostics.ts";
import { dropStrictOnly } from "../check/run-checks.ts";
import { cachedLinesFor, fileBlock } from "../report/format-human.ts";
import { framed } from "../report/frame-lines.ts";
import { readEntryAt, StringTable } from "./validation-cache.ts";
import type { WarmRunJob, WarmRunMessage } from "./warm-run-worker.ts";

const job = workerData as WarmRunJob;
const port = parentPort!;
port.postMessage({ stamps: stampsOf(job.files === "" ? [] : job.files.split("\0")).join("\0") } satisfies WarmRunMessage);

if (job.prerender) {
  const { prerender } = job;
  const bytes = Buffer.from(prerender.bytes);
  const table = new StringTable(prerender.texts);
  const blocks: Array<string | null> = [];
  for (let slot = 0; slot < prerender.offsets.length / 2; slot++) {
    const entry = readEntryAt(prerender, bytes, table, slot);
    // As the main thread's report shows them: strict-only ones dropped, in order (a stable sort, as its own).
    const list = entry ? dropStrictOnly(entry.diagnostics, prerender.strict).sort(compareDiagnostics) : [];
    const lines = list.some(framed) ? cachedLinesFor(list, entry!.frames) : undefined;
    // No diagnostic: no block; frames to be read from the file: the main thread makes the block.
    blocks.push(list.length === 0 || (list.some(framed) && !lines) ? null : fileBlock(entry!.rel, list, lines, false).join("\n"));
  }
  port.postMessage({ blocks } satisfies WarmRunMessage);
}
