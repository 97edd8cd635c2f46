/** Where the vendored YAML test suite lives (see README.md beside this file). */
import { fileURLToPath } from "node:url";

export const YAML_TEST_SUITE = fileURLToPath(new URL("./yaml-test-suite", import.meta.url));
