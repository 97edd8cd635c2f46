/**
 * The search index in shards, so that a visitor never downloads it whole. One MiniSearch index of every
 * entry (names, aliases, names in other scripts and, for Chinese names, their pinyin made here with
 * pinyin-pro, both spaced and written together) is split by the start of its terms:
 *
 * - a term shard per key (the first two letters of a term, or its first Chinese character) holds every
 *   term with that key, with the documents those terms point to and what the filters read of them;
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

/** Entries per document shard: small enough that the few shards a page of results needs stay small. */
export const DOCS_PER_SHARD = 64;

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

export function buildSearchShards(entries: readonly SearchEntry[]): SearchShards {
  const index = new MiniSearch<SearchDocument>(searchTerms.OPTIONS);
  index.addAll(entries.map(searchDocument));
  const whole = index.toJSON();
  const terms = new Map<string, TermShard>();
  for (const posting of whole.index) {
    const key = searchTerms.shardKey(posting[0]);
    let shard = terms.get(key);
    // Without documentIds: an entry's id is its number, which mergeShards() puts back.
    if (!shard) terms.set(key, (shard = { ...whole, documentIds: {}, fieldLength: {}, storedFields: {}, index: [] }));
    shard.index.push(posting);
    for (const docs of Object.values(posting[1])) {
      for (const shortId of Object.keys(docs)) {
        if (shortId in shard.fieldLength) continue;
        if (whole.documentIds[shortId] !== Number(shortId)) throw new Error(`internal error: search document ${shortId} has id ${String(whole.documentIds[shortId])}`);
        shard.fieldLength[shortId] = whole.fieldLength[shortId]!;
        shard.storedFields[shortId] = whole.storedFields[shortId]!;
      }
    }
  }
  const docs: SearchEntry[][] = [];
  for (let i = 0; i < entries.length; i += DOCS_PER_SHARD) docs.push(entries.slice(i, i + DOCS_PER_SHARD));
  const types: Record<string, [number, number]> = {};
  entries.forEach((e, i) => {
    const span = (types[e.type] ??= [i, i + 1]);
    span[1] = i + 1;
  });
  return { meta: { keys: [...terms.keys()].sort(), docsPerShard: DOCS_PER_SHARD, entries: entries.length, types }, terms, docs };
}

/** The site files of the shards: search/meta.js, search/terms/<key>.js, search/docs/<n>.js. */
export function searchShardFiles(shards: SearchShards): Map<string, string> {
  const files = new Map<string, string>();
  files.set("search/meta.js", `window.SIDELINES_SEARCH_META = ${scriptSafeJson(shards.meta)};\n`);
  for (const [key, shard] of shards.terms) files.set(`search/terms/${searchTerms.shardFile(key)}.js`, `SIDELINES_SEARCH.terms(${scriptSafeJson(key)}, ${scriptSafeJson(shard)});\n`);
  shards.docs.forEach((block, n) => files.set(`search/docs/${n}.js`, `SIDELINES_SEARCH.docs(${n}, ${scriptSafeJson(block)});\n`));
  return files;
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
  const keys = q.keys.filter((k) => shards.terms.has(k));
  const merged = searchTerms.mergeShards(keys.map((k) => shards.terms.get(k)!));
  if (!merged) return { ids: [], keys };
  const index = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(merged), searchTerms.OPTIONS);
  return { ids: index.search(q.tree).map((r) => r.id as number), keys };
}
