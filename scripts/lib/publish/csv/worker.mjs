// Worker entry for writing the CSV tables beside the JSON. Worker threads do not inherit tsx's loader,
// so this plain module registers it and imports the TypeScript worker body.
import { tsImport } from "tsx/esm/api";

await tsImport("./worker-body.ts", import.meta.url);
