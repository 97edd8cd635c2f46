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
    expect(searchTerms.query("Li Shang fu")).toEqual({ tree: { combineWith: "OR", queries: [{ combineWith: "AND", queries: ["li", "shang", "fu"] }, "lishangfu"] }, keys: ["li", "sh", "fu"] });
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
    expect(shards.docs.flat()).toEqual(entries);
    expect(shards.docs.every((d) => d.length <= DOCS_PER_SHARD)).toBe(true);
    expect(shards.meta.entries).toBe(entries.length);
    // Each type's span holds every entry of the type (the filters without words walk it).
    for (const [type, [from, to]] of Object.entries(shards.meta.types)) {
      expect(entries.filter((e) => e.type === type).length).toBe(entries.slice(from, to).filter((e) => e.type === type).length);
    }
  });

  it("every term sits in exactly one term shard, the shard of its key, and every entry is reachable by its name's terms", () => {
    const seen = new Map<string, string>();
    for (const [key, shard] of shards.terms) {
      for (const [term] of shard.index) {
        expect(seen.has(term), term).toBe(false);
        seen.set(term, key);
        expect(searchTerms.shardKey(term)).toBe(key);
      }
    }
    expect([...shards.terms.keys()].sort()).toEqual(shards.meta.keys);
    const reached = new Set<number>();
    for (const shard of shards.terms.values()) for (const id of Object.keys(shard.fieldLength)) reached.add(Number(id));
    expect(reached.size).toBe(entries.length);
  });

  it("a query loads only the shards of its words, and ranks as the whole index does", () => {
    const r = searchShards(shards, "li shang fu");
    expect(r.keys).toEqual(["li", "sh", "fu"].filter((k) => shards.terms.has(k)));
    // With every shard loaded, the hits are the same, in the same order.
    const everything = searchTerms.mergeShards([...shards.terms.values()])!;
    const loadedAll = { ...shards, terms: new Map([["li", everything], ["sh", everything], ["fu", everything]]) };
    expect(searchShards(loadedAll, "li shang fu").ids).toEqual(r.ids);
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
