/**
 * The search's text rules (normalising, terms, shard keys, the query and MiniSearch's options) for the
 * build. They live in the site asset assets/search-terms.js, which the browser runs as it is; here the
 * same file is required, so that the index is built with exactly the rules the browser searches with.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { SITE_ASSETS_DIR } from "../paths.ts";
import type { AsPlainObject, Options, Query } from "minisearch";

export const SEARCH_TERMS_ASSET = path.join(SITE_ASSETS_DIR, "search-terms.js");

/** A MiniSearch document: the entry's number, its terms by field (one space apart), and what filters read. */
export interface SearchDocument {
  id: number;
  name: string;
  names: string;
  related: string;
  /** Type, status, countries and years, stored in the index for the filters (encodeFilters). */
  f: string;
}

/** A term a query looks for, and whether it matches as a prefix. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

export interface SearchTerms {
  normalise(text: string): string;
  terms(text: string): string[];
  joined(text: string): string;
  shardKey(term: string): string;
  shardFile(key: string): string;
  shardsFor(terms: readonly QueryTerm[], keys: readonly string[]): string[];
  query(text: string): { tree: Query; terms: QueryTerm[] } | null;
  encodeFilters(type: string, status: string | undefined, countries: readonly string[], years: readonly number[]): string;
  decodeFilters(text: string): { type: string; status?: string; countries: string[]; years: number[] };
  mergeShards(shards: AsPlainObject[]): AsPlainObject | null;
  OPTIONS: Options<SearchDocument>;
}

export const searchTerms = createRequire(SEARCH_TERMS_ASSET)(SEARCH_TERMS_ASSET) as SearchTerms;
