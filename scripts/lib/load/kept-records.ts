/**
 * The records a run with `keepRecords` hands on (the build publishes from them): each one's whole data
 * as JSON text in UTF-8, made by the thread that checked it, held in a store and parsed again only
 * where it is read. A dataset held as bytes takes about a third of the memory it takes as objects and
 * no garbage collection has to trace it; held in a scratch file (a ScratchFile, as the build holds it),
 * it takes none.
 */
import type { RecordType } from "../record-types.ts";
import type { RecordFigures } from "../quality/measure.ts";

/** Where kept records' bytes are held. */
export interface BytesStore {
  /** Holds a copy of `bytes` (or the bytes themselves, if no one else changes them); returns where. */
  put(bytes: Uint8Array): number;
  /** The bytes put at `at`, `length` of them. */
  get(at: number, length: number): Uint8Array;
}

/** Bytes held in memory as they were given. */
export class MemoryStore implements BytesStore {
  private readonly held: Uint8Array[] = [];

  put(bytes: Uint8Array): number {
    return this.held.push(bytes) - 1;
  }

  get(at: number): Uint8Array {
    return this.held[at]!;
  }
}

export interface KeptRecord {
  type: RecordType;
  file: string;
  /** The record's id (it passed its schema, so it has one). */
  id: string;
  store: BytesStore;
  at: number;
  length: number;
  /** The record's share of the sourcing figures, measured by the thread that checked it (undefined for a tombstone, and once the build has summed the shares). */
  figures?: RecordFigures | undefined;
  /**
   * The parts of the record the build's derived fields read (DERIVER_READS in lookup-parts.ts), as the thread that checked
   * it projected them; the build takes them for its lookups and then lets them go (undefined).
   */
  lookup?: Record<string, unknown> | undefined;
}

const decoder = new TextDecoder();

/** The record's data, parsed anew at each call. */
export function keptData(record: Pick<KeptRecord, "store" | "at" | "length">): Record<string, unknown> {
  return JSON.parse(decoder.decode(record.store.get(record.at, record.length))) as Record<string, unknown>;
}

/** Each record with its data parsed, one at a time (what reads every record once, as the sourcing figures do, takes). */
export function* withData(records: Iterable<KeptRecord>): Generator<{ type: RecordType; file: string; data: Record<string, unknown> }> {
  for (const r of records) yield { type: r.type, file: r.file, data: keptData(r) };
}
