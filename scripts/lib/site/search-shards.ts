/**
 * The search index in shards, so that a visitor never downloads it whole. One MiniSearch index of every
 * entry (names, aliases, names in other scripts and, for Chinese names, their pinyin made here with
 * pinyin-pro, both spaced and written together) is split by the start of its terms:
 *
 * - a term shard per key (the first two letters of a term, or its first Chinese character; a longer start
 *   where the shard would be over SHARD_BUDGET) holds every term whose longest key that is, with the
 *   documents those terms point to and what the filters read of them;
 * - a document shard per block of DOCS_PER_SHARD entries holds the entries themselves, each entry in
 *   exactly one, for the list of results;
 * - the meta part, always loaded and small, lists the shard keys and the index's totals.
 *
 * Every term with all its postings sits in one shard, and each shard carries the whole index's document
 * count and average field lengths, so the shards a query loads rank its results exactly as the whole
 * index would. Shards are scripts that register themselves (pages opened from disk cannot fetch()).
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import { pinyin } from "pinyin-pro";
import { scriptSafeJson, type SearchEntry } from "./search-index.ts";
import { searchTerms, type SearchDocument } from "./search-terms.ts";

/** Entries per document shard: small, as a page of results may need one shard per result. */
export const DOCS_PER_SHARD = 16;

/** Bytes a term shard may hold before it is split by longer term starts (a single term's shard may exceed it). */
export const SHARD_BUDGET = 32_768;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

/** A name with its forms for search: as written, written together, and in pinyin (spaced and together) when Chinese. */
export function nameForms(name: string): string[] {
  const forms = [name, searchTerms.joined(name)];
  if (HAN.test(name)) {
    const syllables = pinyin(name, { toneType: "none", type: "array", surname: "head", nonZh: "consecutive" }).join(" ");
    forms.push(syllables, searchTerms.joined(syllables));
  }
  return forms.filter(Boolean);
}

const termsOf = (texts: readonly string[]): string => [...new Set(texts.flatMap((t) => searchTerms.terms(t)))].join(" ");

/** The MiniSearch document of entry number `id`. */
export function searchDocument(entry: SearchEntry, id: number): SearchDocument {
  // Actors and forums: aliases and names in other scripts are their own names. Other entries: the names of
  // the people and bodies concerned (participants, targets, actors of an incident).
  const own = entry.type === "actor" || entry.type === "forum" || entry.type === "edition";
  const aliases = entry.aliases.flatMap(nameForms);
  return {
    id,
    name: termsOf(entry.name.split(/\s+/).length <= 5 ? nameForms(entry.name) : [entry.name]),
    names: own ? termsOf(aliases) : "",
    related: own ? "" : termsOf(aliases),
    f: searchTerms.encodeFilters(entry.type, entry.status, entry.countries, entry.years),
  };
}

/** A term shard: part of MiniSearch's serialised index (the terms of one key and their documents). */
export type TermShard = AsPlainObject;

export interface SearchMeta {
  /** The term shards' keys, sorted. */
  keys: string[];
  docsPerShard: number;
  entries: number;
  /** Where each type's entries lie among the entries: [first, last + 1] (forums and their editions interleave). */
  types: Record<string, [number, number]>;
}

export interface SearchShards {
  meta: SearchMeta;
  terms: Map<string, TermShard>;
  /** Document shards by number: entries `n * DOCS_PER_SHARD` onwards. */
  docs: SearchEntry[][];
}

type Posting = TermShard["index"][number];

const chars = (text: string): string[] => Array.from(text);

export function buildSearchShards(entries: readonly SearchEntry[], budget = SHARD_BUDGET): SearchShards {
  const index = new MiniSearch<SearchDocument>(searchTerms.OPTIONS);
  index.addAll(entries.map(searchDocument));
  const whole = index.toJSON();
  /** A shard of these terms, with the field lengths and filter values of the documents they point to. */
  const shardOf = (postings: readonly Posting[]): TermShard => {
    // Without documentIds: an entry's id is its number, which mergeShards() puts back.
    const shard: TermShard = { ...whole, documentIds: {}, fieldLength: {}, storedFields: {}, index: [...postings] };
    for (const posting of postings) {
      for (const docs of Object.values(posting[1])) {
        for (const shortId of Object.keys(docs)) {
          if (shortId in shard.fieldLength) continue;
          if (whole.documentIds[shortId] !== Number(shortId)) throw new Error(`internal error: search document ${shortId} has id ${String(whole.documentIds[shortId])}`);
          shard.fieldLength[shortId] = whole.fieldLength[shortId]!;
          shard.storedFields[shortId] = whole.storedFields[shortId]!;
        }
      }
    }
    return shard;
  };
  // Sizes of the serialised parts, worked out once, so that deciding where to split needs no serialising:
  // each term's posting with its length in characters and its documents, and each document's entries.
  const header = JSON.stringify({ ...whole, documentIds: {}, fieldLength: {}, storedFields: {}, index: [] }).length;
  const info = new Map<Posting, { bytes: number; length: number; docs: string[] }>();
  for (const p of whole.index) info.set(p, { bytes: JSON.stringify(p).length + 1, length: chars(p[0]).length, docs: [...new Set(Object.values(p[1]).flatMap((d) => Object.keys(d)))] });
  const docBytes = new Map<string, number>();
  const bytesOfDoc = (id: string): number => {
    let n = docBytes.get(id);
    if (n === undefined) docBytes.set(id, (n = JSON.stringify(whole.fieldLength[id]).length + JSON.stringify(whole.storedFields[id]).length + 2 * (id.length + 4)));
    return n;
  };
  /** The length of shardOf(postings) serialised (to a few bytes). */
  const sizeOf = (postings: readonly Posting[]): number => {
    const docs = new Set<string>();
    let bytes = header;
    for (const p of postings) {
      const i = info.get(p)!;
      bytes += i.bytes;
      for (const d of i.docs) if (!docs.has(d)) (docs.add(d), (bytes += bytesOfDoc(d)));
    }
    return bytes;
  };
  const terms = new Map<string, TermShard>();
  /** Places the terms of `key` in one shard, or, when that is over the budget, splits them by one more character. */
  const place = (key: string, postings: readonly Posting[]): void => {
    const length = chars(key).length;
    if (sizeOf(postings) <= budget || postings.every((p) => info.get(p)!.length <= length)) {
      terms.set(key, shardOf(postings));
      return;
    }
    const stay = postings.filter((p) => info.get(p)!.length <= length);
    if (stay.length) terms.set(key, shardOf(stay));
    for (const [longer, group] of groupBy(postings.filter((p) => info.get(p)!.length > length), (p) => chars(p[0]).slice(0, length + 1).join(""))) place(longer, group);
  };
  for (const [key, group] of groupBy(whole.index, (p) => searchTerms.shardKey(p[0]))) place(key, group);
  const docs: SearchEntry[][] = [];
  // The results list shows aliases for actors and forums only: the others' (the names of those concerned) stay in the index.
  const listed = entries.map((e) => (e.type === "actor" || e.type === "forum" || !e.aliases.length ? e : { ...e, aliases: [] }));
  for (let i = 0; i < listed.length; i += DOCS_PER_SHARD) docs.push(listed.slice(i, i + DOCS_PER_SHARD));
  const types: Record<string, [number, number]> = {};
  entries.forEach((e, i) => {
    const span = (types[e.type] ??= [i, i + 1]);
    span[1] = i + 1;
  });
  return { meta: { keys: [...terms.keys()].sort(), docsPerShard: DOCS_PER_SHARD, entries: entries.length, types }, terms, docs };
}

const META_START = "window.SIDELINES_SEARCH_META = ";

/** The site files of the shards: search/meta.js, search/terms/<key>.js, search/docs/<n>.js. */
export function searchShardFiles(shards: SearchShards): Map<string, string> {
  const files = new Map<string, string>();
  files.set("search/meta.js", `${META_START}${scriptSafeJson(shards.meta)};\n`);
  for (const [key, shard] of shards.terms) files.set(`search/terms/${searchTerms.shardFile(key)}.js`, `SIDELINES_SEARCH.terms(${scriptSafeJson(key)}, ${scriptSafeJson(shard)});\n`);
  shards.docs.forEach((block, n) => files.set(`search/docs/${n}.js`, `SIDELINES_SEARCH.docs(${n}, ${scriptSafeJson(block)});\n`));
  return files;
}

/** What a shard file written above holds, read back as data (its call's JSON arguments), never run. */
export function readShardFile(text: string): { meta?: SearchMeta; terms?: AsPlainObject; docs?: { name: string }[] } {
  if (text.startsWith(META_START)) return { meta: JSON.parse(text.slice(META_START.length).replace(/;\n$/, "")) as SearchMeta };
  const call = /^SIDELINES_SEARCH\.(terms|docs)\(([\s\S]*)\);\n$/.exec(text);
  if (!call) throw new Error("not a search shard written by the site");
  const [, value] = JSON.parse(`[${call[2]}]`) as [unknown, unknown];
  return call[1] === "terms" ? { terms: value as AsPlainObject } : { docs: value as { name: string }[] };
}

export interface ShardSearch {
  /** Entry numbers, best first. */
  ids: number[];
  /** The term shards' keys the query loaded. */
  keys: string[];
}

/** Searches as the browser does: loads the term shards the query needs, merges them, and asks MiniSearch. */
export function searchShards(shards: SearchShards, text: string): ShardSearch {
  const q = searchTerms.query(text);
  if (!q) return { ids: [], keys: [] };
  const keys = searchTerms.shardsFor(q.terms, shards.meta.keys);
  const merged = searchTerms.mergeShards(keys.map((k) => shards.terms.get(k)!));
  if (!merged) return { ids: [], keys };
  const index = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(merged), searchTerms.OPTIONS);
  return { ids: index.search(q.tree).map((r) => r.id as number), keys };
}
