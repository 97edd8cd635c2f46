/** The search index: what each entry holds, and that it finds records by name, alias and title. */
import "../loaded-machine.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { SiteModel } from "../../scripts/lib/site/model.ts";
import { buildSearchIndex, type SearchEntry } from "../../scripts/lib/site/search-index.ts";
import { realRelease, smallDataset } from "./helpers.ts";

describe("search index of the small dataset", () => {
  const index = buildSearchIndex(new SiteModel(smallDataset()));
  const entry = (id: string): SearchEntry => index.find((e) => e.id === id)!;

  it("has one entry per actor, meeting, sanction, forum and edition, each with its page", () => {
    expect(index.map((e) => `${e.type}:${e.id}`).sort()).toEqual(
      ["actor:a", "actor:b", "actor:state-a", "actor:state-b", "edition:forum-1-2022", "forum:forum-1", "sanction:sanction-1", ...["m-held", "m-encounter", "m-declined", "m-cancelled", "m-postponed", "m-proposed", "m-no-response", "m-undated"].map((m) => `meeting:${m}`)].sort(),
    );
    expect(entry("b").url).toBe("actors/b.html");
    expect(entry("forum-1-2022").url).toBe("editions/forum-1-2022.html");
  });

  it("holds names, aliases with names in other scripts, status, countries and years", () => {
    expect(entry("b")).toEqual({ id: "b", type: "actor", name: "Person B", aliases: ["B-alias", "人乙"], kind: "person", countries: ["BB"], years: [2021, 2022, 2023], url: "actors/b.html" });
    expect(entry("m-declined")).toMatchObject({ type: "meeting", name: "m-declined", status: "declined", countries: ["AA", "BB"], years: [2022], aliases: ["Person A", "Person B"] });
    expect(entry("m-undated").years).toEqual([]);
    // A sanction counts for every year it was in effect, up to the release.
    expect(entry("sanction-1")).toMatchObject({ status: "active", years: [2020, 2021, 2022, 2023, 2024], aliases: ["Person B"] });
    expect(entry("forum-1-2022")).toMatchObject({ type: "edition", name: "Forum One 2022", status: "held", years: [2022] });
  });
});

describe("search index of the release", () => {
  let index: SearchEntry[];
  beforeAll(async () => {
    index = buildSearchIndex(new SiteModel((await realRelease()).dataset));
  });

  it("finds Li Shangfu by his name, in Latin and Chinese script, with his years and country", () => {
    const li = index.find((e) => e.id === "li-shangfu")!;
    expect(li).toMatchObject({ type: "actor", name: "Li Shangfu", url: "actors/li-shangfu.html", countries: ["CN"] });
    expect(li.aliases).toContain("李尚福");
    expect(li.years).toContain(2023);
  });

  it("indexes the declined 2023 meeting with its status, countries and year", () => {
    expect(index.find((e) => e.id === "austin-li-shangfu-shangri-la-2023")).toMatchObject({ type: "meeting", status: "declined", countries: ["CN", "US"], years: [2023] });
  });

  // The index is loaded whole by every page's search: it grows with the records, by a few hundred
  // characters each (names, aliases, status, years), never with their sources or text.
  it("stays small: under 400 characters an entry", () => {
    expect(JSON.stringify(index).length / index.length).toBeLessThan(400);
  });
});
