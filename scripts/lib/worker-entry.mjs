// The entry of every worker thread run as TypeScript (see worker-thread.ts): worker threads do not
// inherit tsx's loader, so this plain module registers it and imports the body named in its argv.
import { tsImport } from "tsx/esm/api";

await tsImport(process.argv[2], import.meta.url);
