import { validate } from "../validate.ts";
import type { SchemaSet } from "../schemas.ts";
import { recordFigures, sumFigures, type Quality, type RecordFigures } from "./measure.ts";
import { keptData, type KeptRecord } from "../load/kept-records.ts";
import type { PublisherRegistry } from "../publishers/registry.ts";

/**
 * The sourcing figures of the dataset under `root`: every record that passes its schema is measured
 * (a record with data errors still cites what it cites), against the dataset's publishers registry.
 */
export async function measureDataset(root: string, schemaSet?: SchemaSet): Promise<Quality> {
  const result = await validate({ root, keepRecords: true, ...(schemaSet ? { schemaSet } : {}) });
  return measureKept(result.records, result.publishers);
}

/**
 * The figures of records a validation kept: each one's share as the thread that checked it measured
 * it, so that no record is parsed again (one without a share, a tombstone, is measured from its data).
 */
export function measureKept(records: readonly KeptRecord[], registry: PublisherRegistry): Quality {
  return sumFigures(
    (function* (): Generator<RecordFigures> {
      for (const r of records) {
        const figures = r.figures ?? (r.type === "tombstone" ? undefined : recordFigures({ type: r.type, data: keptData(r) }, registry));
        if (figures) yield figures;
      }
    })(),
  );
}
