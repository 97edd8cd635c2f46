/**
 * The sharded search index: ranking on the real data (every spelling of a name lists that person first),
 * shards that cover every entry and every term exactly once, and a query that loads only its own shards.
 */
import "../loaded-machine.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { SiteModel } from "../../scripts/lib/site/model.ts";
import { buildSearchIndex, type SearchEntry } from "../../scripts/lib/site/search-index.ts";
import { buildSearchShards, DOCS_PER_SHARD, nameForms, searchShardFiles, searchShards, type SearchShards } from "../../scripts/lib/site/search-shards.ts";
import { searchTerms } from "../../scripts/lib/site/search-terms.ts";
import { realRelease, smallDataset } from "./helpers.ts";

describe("search terms", () => {
  it("ignore case, accents, punctuation and spacing, and keep Chinese characters one by one too", () => {
    expect(searchTerms.normalise("  Lí   Shāng-fú ")).toBe("li shang fu");
    expect(searchTerms.terms("Li Shangfu 李尚福")).toEqual(["li", "shangfu", "李尚福", "李", "尚", "福"]);
    expect(searchTerms.joined("Li Shang fu")).toBe("lishangfu");
    expect(searchTerms.shardKey("lishangfu")).toBe("li");
    expect(searchTerms.shardKey("李尚福")).toBe("李");
    expect(searchTerms.shardFile("李")).toBe("674e");
  });

  it("give a Chinese name its pinyin, spaced and written together", () => {
    expect(nameForms("李尚福")).toEqual(["李尚福", "li shang fu", "lishangfu"]);
    expect(nameForms("Dong Jun")).toEqual(["Dong Jun", "dongjun"]);
  });

  it("store what the filters read in one short text per entry, and read it back", () => {
    const text = searchTerms.encodeFilters("sanction", "active", ["CN", "US"], [2018, 2019, 2020, 2023]);
    expect(text).toBe("s|active|CN US|2018-2020,2023");
    expect(searchTerms.decodeFilters(text)).toEqual({ type: "sanction", status: "active", countries: ["CN", "US"], years: [2018, 2019, 2020, 2023] });
    expect(searchTerms.decodeFilters(searchTerms.encodeFilters("actor", undefined, [], []))).toEqual({ type: "actor", status: undefined, countries: [], years: [] });
  });

  it("make the query's words and the words written together, and wait for two letters", () => {
    const q = searchTerms.query("Li Shang fu")!;
    // Only the last word, being typed, and the words written together match as prefixes.
    expect(q.terms).toEqual([{ term: "li", prefix: false }, { term: "shang", prefix: false }, { term: "fu", prefix: true }, { term: "lishangfu", prefix: true }]);
    expect(q.tree).toEqual({ combineWith: "OR", queries: [{ combineWith: "AND", queries: ["li", "shang", "fu"].map((w, i) => ({ combineWith: "OR", prefix: i === 2, queries: [w] })) }, { combineWith: "OR", prefix: true, queries: ["lishangfu"] }] });
    expect(searchTerms.shardsFor(q.terms, ["fu", "fur", "li", "lis", "sh", "sha", "shi"]).sort()).toEqual(["fu", "fur", "li", "lis", "sha"]);
    expect(searchTerms.query("l")).toBeNull();
  });
});

describe("search shards of the release", () => {
  let entries: SearchEntry[];
  let shards: SearchShards;
  beforeAll(async () => {
    entries = buildSearchIndex(new SiteModel((await realRelease()).dataset));
    shards = buildSearchShards(entries);
  });
  const first = (q: string): string => entries[searchShards(shards, q).ids[0]!]!.id;

  it.each(["Li Shangfu", "li shang fu", "lishangfu", "李尚福", "LI SHANGFU", "Lí Shāngfú", "li shangfo"])("lists Li Shangfu first for %s", (q) => {
    expect(first(q)).toBe("li-shangfu");
  });

  it.each(["Dong Jun", "dong jun", "dongjun", "董军", "董軍"])("lists Dong Jun first for %s", (q) => {
    expect(first(q)).toBe("dong-jun");
  });

  it("finds his meetings too, after him", () => {
    const ids = searchShards(shards, "li shang fu").ids.map((i) => entries[i]!.id);
    expect(ids).toContain("austin-li-shangfu-shangri-la-2023");
  });

  it("document shards hold every entry exactly once, in order", () => {
    // As in the index, but aliases only where the results list shows them (actors and forums).
    expect(shards.docs.flat()).toEqual(entries.map((e) => (e.type === "actor" || e.type === "forum" ? e : { ...e, aliases: [] })));
    expect(shards.docs.every((d) => d.length <= DOCS_PER_SHARD)).toBe(true);
    expect(shards.meta.entries).toBe(entries.length);
    // Each type's span holds every entry of the type (the filters without words walk it).
    for (const [type, [from, to]] of Object.entries(shards.meta.types)) {
      expect(entries.filter((e) => e.type === type).length).toBe(entries.slice(from, to).filter((e) => e.type === type).length);
    }
  });

  it("every term sits in exactly one term shard, the shard of the longest key that starts it, and every entry is reachable", () => {
    const seen = new Map<string, string>();
    for (const [key, shard] of shards.terms) {
      for (const [term] of shard.index) {
        expect(seen.has(term), term).toBe(false);
        seen.set(term, key);
        expect(shards.meta.keys.filter((k) => term.startsWith(k)).sort((a, b) => b.length - a.length)[0]).toBe(key);
      }
    }
    expect([...shards.terms.keys()].sort()).toEqual(shards.meta.keys);
    const reached = new Set<number>();
    for (const shard of shards.terms.values()) for (const id of Object.keys(shard.fieldLength)) reached.add(Number(id));
    expect(reached.size).toBe(entries.length);
  });

  it("a query loads only the shards of its words, and ranks as the whole index does", () => {
    const r = searchShards(shards, "li shang fu");
    expect(r.keys.length).toBeGreaterThan(0);
    expect(r.keys.length).toBeLessThan(shards.terms.size / 10);
    expect(r.keys.every((k) => k.startsWith("li") || k.startsWith("sh") || k.startsWith("fu"))).toBe(true);
    // With every shard loaded, the hits are the same, in the same order.
    const everything = searchTerms.mergeShards([...shards.terms.values()])!;
    const loadedAll = { ...shards, terms: new Map(r.keys.map((k) => [k, everything])) };
    expect(searchShards(loadedAll, "li shang fu").ids).toEqual(r.ids);
  });

  it("splits a shard over the budget by longer term starts, and finds the same", () => {
    const small = buildSearchShards(entries, 2_000);
    expect(small.terms.size).toBeGreaterThan(shards.terms.size);
    expect(small.meta.keys.some((k) => Array.from(k).length > 2)).toBe(true);
    for (const [key, shard] of small.terms) {
      const over = JSON.stringify(shard).length > 2_000;
      // Only a shard that cannot be split further is over the budget: every term in it is as long as its key.
      if (over) expect(shard.index.every(([term]) => Array.from(term).length <= Array.from(key).length), key).toBe(true);
    }
    // The same records, the same first; records that score alike may come in another order.
    for (const q of ["li shang fu", "Li Shangfu", "李尚福", "dong jun", "shangri", "austin", "sh"]) {
      const [split, whole] = [searchShards(small, q).ids, searchShards(shards, q).ids];
      expect([split[0], [...split].sort()], q).toEqual([whole[0], [...whole].sort()]);
    }
  });

  it("writes meta, term and document shards as scripts that register themselves", () => {
    const files = searchShardFiles(shards);
    expect(files.get("search/meta.js")).toMatch(/^window\.SIDELINES_SEARCH_META = \{/);
    expect(files.get("search/terms/6c-69.js")).toMatch(/^SIDELINES_SEARCH\.terms\("li", \{/);
    expect(files.get("search/docs/0.js")).toMatch(/^SIDELINES_SEARCH\.docs\(0, \[/);
    expect(files.size).toBe(1 + shards.terms.size + shards.docs.length);
    expect(Buffer.byteLength(files.get("search/meta.js")!)).toBeLessThan(20_000);
  });
});

describe("search shards of the small dataset", () => {
  it("find the person by a name in another script and by an alias", () => {
    const entries = buildSearchIndex(new SiteModel(smallDataset()));
    const shards = buildSearchShards(entries);
    expect(entries[searchShards(shards, "人乙").ids[0]!]!.id).toBe("b");
    expect(entries[searchShards(shards, "b alias").ids[0]!]!.id).toBe("b");
    expect(entries[searchShards(shards, "balias").ids[0]!]!.id).toBe("b");
  });
});
