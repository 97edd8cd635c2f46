// Worker entry for parallel loading. Worker threads do not inherit tsx's loader, so this plain
// module registers it and imports the TypeScript worker body.
import { tsImport } from "tsx/esm/api";

await tsImport("./load-worker-body.ts", import.meta.url);
