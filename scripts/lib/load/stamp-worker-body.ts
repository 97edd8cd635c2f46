/** A worker thread taking the stat stamps of files (see stampsInWorker in stamps.ts): posts them back joined by NUL. */
import { parentPort, workerData } from "node:worker_threads";
import { stampsOf } from "./stamps.ts";

const { files } = workerData as { files: string };
parentPort!.postMessage(stampsOf(files === "" ? [] : files.split("\0")).join("\0"));
