/**
 * Sourcing quality, measured: how the records cite their sources, per record type and overall. The
 * same figures feed `npm run report`, the release's `quality.json` and its summary in manifest.json,
 * the README's generated section and the site (a line on the home page, a badge on each record page).
 */
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";
import { isOfficial, publisherOf, type PublisherRegistry } from "../publishers/registry.ts";
import type { LoadedRecord } from "../check/types.ts";
import { forEachSource } from "../check/helpers.ts";
import type { SourcingFigures, SourcingQuality } from "../types.generated.ts";

/** The record types that cite sources (tombstones do not). */
export const MEASURED_TYPES = RECORD_TYPE_NAMES.filter((t) => t !== "tombstone");
type MeasuredType = Exclude<RecordType, "tombstone">;

/** The figures, as the release's public schema for quality.json defines them (scripts/lib/publish/public-schemas.ts). */
export type QualityFigures = SourcingFigures;

/** How one record is sourced, as the site's badge shows it. */
export type Sourcing = NonNullable<SourcingQuality["records"][string]>;

export type Quality = SourcingQuality;

const empty = (): QualityFigures => ({
  records: 0,
  citations: 0,
  citations_with_url: 0,
  share_with_url: null,
  citations_official: 0,
  share_official: null,
  citations_blocked: 0,
  records_citing_official: 0,
  records_secondary_only: 0,
  records_single_source: 0,
  unverified_paths: 0,
  claims: 0,
});

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/** A record's sourcing class: an official page wins, then only copies, then a lone source. */
export function sourcingOf(record: Pick<LoadedRecord, "data">, registry: PublisherRegistry): Sourcing {
  // The type only says which figures a record's share goes to; the class is the same for every type.
  return recordFigures({ type: "actor", data: record.data }, registry)!.sourcing;
}

/**
 * What one record adds to the figures: small, so that the thread that checked a record can measure it
 * while it holds the record parsed, and the build sums them without parsing every record again.
 */
export interface RecordFigures {
  type: MeasuredType;
  id: string;
  citations: number;
  citations_with_url: number;
  citations_official: number;
  citations_blocked: number;
  unverified_paths: number;
  claims: number;
  /** Every source of its own (not its editions') is a copy. */
  secondary_only: boolean;
  /** It has exactly one source of its own. */
  single_source: boolean;
  sourcing: Sourcing;
}

/** One record's share of the figures; undefined for a tombstone, which cites nothing. */
export function recordFigures(record: Pick<LoadedRecord, "type" | "data">, registry: PublisherRegistry): RecordFigures | undefined {
  if (record.type === "tombstone") return undefined;
  const figures: RecordFigures = { type: record.type, id: String(record.data.id), citations: 0, citations_with_url: 0, citations_official: 0, citations_blocked: 0, unverified_paths: 0, claims: 0, secondary_only: false, single_source: false, sourcing: "several-sources" };
  forEachSource(record as LoadedRecord, (s) => {
    figures.citations++;
    if (typeof s.url === "string") figures.citations_with_url++;
    const entry = publisherOf(registry, s.url);
    if (isOfficial(entry)) figures.citations_official++;
    if (entry?.blocked) figures.citations_blocked++;
  });
  const own = Array.isArray(record.data.sources) ? (record.data.sources as Array<Record<string, unknown>>) : [];
  figures.secondary_only = own.length > 0 && own.every((s) => s.basis === "secondary");
  figures.single_source = own.length === 1;
  if (figures.citations_official > 0) figures.sourcing = "official";
  else if (figures.secondary_only) figures.sourcing = "secondary-only";
  else if (figures.single_source) figures.sourcing = "single-source";
  figures.unverified_paths = Array.isArray(record.data.unverified) ? record.data.unverified.length : 0;
  figures.claims = Array.isArray(record.data.claims) ? record.data.claims.length : 0;
  return figures;
}

/** The figures for a set of records (any order); tombstones are left out. */
export function measureQuality(records: Iterable<Pick<LoadedRecord, "type" | "data">>, registry: PublisherRegistry): Quality {
  return sumFigures(
    (function* () {
      for (const record of records) {
        const figures = recordFigures(record, registry);
        if (figures) yield figures;
      }
    })(),
  );
}

/** The figures of a set of records, from each record's share (recordFigures). */
export function sumFigures(shares: Iterable<RecordFigures>): Quality {
  const byType = Object.fromEntries(MEASURED_TYPES.map((t) => [t, empty()])) as Record<MeasuredType, QualityFigures>;
  const overall = empty();
  const sourcing: Array<[string, Sourcing]> = [];
  for (const r of shares) {
    for (const f of [byType[r.type], overall]) {
      f.records++;
      f.citations += r.citations;
      f.citations_with_url += r.citations_with_url;
      f.citations_official += r.citations_official;
      f.citations_blocked += r.citations_blocked;
      if (r.citations_official > 0) f.records_citing_official++;
      if (r.secondary_only) f.records_secondary_only++;
      if (r.single_source) f.records_single_source++;
      f.unverified_paths += r.unverified_paths;
      f.claims += r.claims;
    }
    sourcing.push([r.id, r.sourcing]);
  }
  for (const f of [...Object.values(byType), overall]) {
    f.share_with_url = share(f.citations_with_url, f.citations);
    f.share_official = share(f.citations_official, f.citations);
  }
  sourcing.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { overall, by_type: byType, records: Object.fromEntries(sourcing) };
}

const pct = (v: number | null): string => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);

/** The figures as a Markdown table: one column per record type, then the total. */
export function qualityMarkdown(q: Quality): string {
  const cols: Array<[string, QualityFigures]> = [...MEASURED_TYPES.map((t): [string, QualityFigures] => [t, q.by_type[t]]), ["all", q.overall]];
  const row = (label: string, cell: (f: QualityFigures) => string): string => `| ${label} | ${cols.map(([, f]) => cell(f)).join(" | ")} |`;
  return [
    `| | ${cols.map(([t]) => t).join(" | ")} |`,
    `| --- | ${cols.map(() => "---:").join(" | ")} |`,
    row("records", (f) => String(f.records)),
    row("citations", (f) => String(f.citations)),
    row("with a URL", (f) => pct(f.share_with_url)),
    row("from official hosts", (f) => pct(f.share_official)),
    row("records citing an official page", (f) => String(f.records_citing_official)),
    row("records whose every source is secondary", (f) => String(f.records_secondary_only)),
    row("single-source records", (f) => String(f.records_single_source)),
    row("citations of blocked hosts", (f) => String(f.citations_blocked)),
    row("`unverified` paths", (f) => String(f.unverified_paths)),
    row("recorded conflicts (claims)", (f) => String(f.claims)),
  ].join("\n");
}

/** One line for the site's home page. */
export function qualitySentence(f: QualityFigures): string {
  return `${f.citations} citations: ${pct(f.share_with_url)} with a URL, ${pct(f.share_official)} from official hosts; ${f.records_single_source} of ${f.records} records rest on a single source and ${f.records_secondary_only} only on secondary copies.`;
}

export const QUALITY_FILE = "quality.json";
export const QUALITY_SCHEMA = "quality.schema.json";

const count = (description: string): Record<string, unknown> => ({ type: "integer", minimum: 0, description });
const fraction = (description: string): Record<string, unknown> => ({ type: ["number", "null"], minimum: 0, maximum: 1, description: `${description}, from 0 to 1 (rounded to four places); null when there are no citations.` });

/** The public schema of `quality.json`; manifest.json's `quality` is its `overall` figures. */
export function qualitySchema(): Record<string, unknown> {
  const figures = {
    title: "Sourcing figures",
    type: "object",
    additionalProperties: false,
    required: ["records", "citations", "citations_with_url", "share_with_url", "citations_official", "share_official", "citations_blocked", "records_citing_official", "records_secondary_only", "records_single_source", "unverified_paths", "claims"],
    properties: {
      records: count("Records measured (every type but tombstones)."),
      citations: count("Sources cited, the records' own and their forum editions'."),
      citations_with_url: count("Citations with a URL."),
      share_with_url: fraction("Share of citations with a URL"),
      citations_official: count("Citations on a host the publishers registry (`data/publishers.yaml`) lists as `official` or `intergovernmental`."),
      share_official: fraction("Share of citations from official hosts"),
      citations_blocked: count("Citations of a host the registry marks `blocked` (content farms, rewrite sites, mirrors)."),
      records_citing_official: count("Records that cite at least one page on an official host."),
      records_secondary_only: count("Records whose every source is `basis: secondary`."),
      records_single_source: count("Records with exactly one source."),
      unverified_paths: count("Entries of `unverified`: fields not verified against a cited source."),
      claims: count("Recorded conflicts: `claims` entries, one per source version of a disputed field."),
    },
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: QUALITY_SCHEMA,
    $comment: "Generated by `npm run build`; do not edit.",
    title: "Sourcing quality",
    description: "How the release's records cite their sources (`quality.json`), overall and per record type, and each record's sourcing. `npm run report` prints the same figures.",
    type: "object",
    additionalProperties: false,
    required: ["overall", "by_type", "records"],
    properties: {
      overall: { $ref: "#/$defs/figures", description: "Every record together." },
      by_type: { type: "object", additionalProperties: false, required: [...MEASURED_TYPES], properties: Object.fromEntries(MEASURED_TYPES.map((t) => [t, { $ref: "#/$defs/figures" }])), description: "The same figures for each record type." },
      records: {
        type: "object",
        description: "Each record's sourcing, by id: `official` (cites a page on an official host), else `secondary-only` (every source is `basis: secondary`), else `single-source`, else `several-sources`.",
        additionalProperties: { enum: ["official", "secondary-only", "single-source", "several-sources"] },
      },
    },
    $defs: { figures },
  };
}
