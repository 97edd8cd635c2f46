/** A worker thread taking the stat stamps of files (see stampsInWorker in stamps.ts): posts them back joined by NUL. */
import { parentPort, workerData } from "node:worker_threads";
import { stampsOf } from "./stamps.ts";

const { files } = workerData as { files: string };
// stampsInWorker starts no worker for an empty list, so `files` names at least one file.
parentPort!.postMessage(stampsOf(files.split("\0")).join("\0"));
