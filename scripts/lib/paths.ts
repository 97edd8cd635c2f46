import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository root, found from this file's location so scripts work from any working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMAS_DIR = path.join(ROOT, "schemas");
export const DATA_DIR = path.join(ROOT, "data");
/** The site's static assets (stylesheet, scripts), part of the toolkit. */
export const SITE_ASSETS_DIR = path.join(ROOT, "scripts", "lib", "site", "assets");
