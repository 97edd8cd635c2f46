import { validate } from "../validate.ts";
import type { SchemaSet } from "../schemas.ts";
import { measureQuality, type Quality } from "./measure.ts";
import { withData } from "../load/kept-records.ts";

/**
 * The sourcing figures of the dataset under `root`: every record that passes its schema is measured
 * (a record with data errors still cites what it cites), against the dataset's publishers registry.
 */
export async function measureDataset(root: string, schemaSet?: SchemaSet): Promise<Quality> {
  const result = await validate({ root, keepRecords: true, ...(schemaSet ? { schemaSet } : {}) });
  return measureQuality(withData(result.records), result.publishers);
}
