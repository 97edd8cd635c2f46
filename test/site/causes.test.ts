/**
 * Causes and delegations on the site: an incident's page lists the meetings refused, cancelled or
 * postponed because of it and links back from each meeting's status history; incidents are in the
 * search index; a forum's editions show who led each state's delegation.
 */
import "../loaded-machine.ts";
import { afterAll, describe, expect, it } from "vitest";
import { renderSite, siteOfRelease } from "../../scripts/lib/site/generate.ts";
import { SiteModel } from "../../scripts/lib/site/model.ts";
import { buildSearchIndex } from "../../scripts/lib/site/search-index.ts";
import type { Dataset, PublishedIncident } from "../../scripts/lib/types.generated.ts";
import { brokenLinks, realRelease, removeTempDirs, smallDataset } from "./helpers.ts";

afterAll(removeTempDirs);

const exercise: PublishedIncident = {
  id: "state-a-exercise-2022",
  kind: "exercise",
  title: "State A naval exercise",
  date: "2022-05-10",
  actors: [
    { actor: "state-a", role: "by" },
    { actor: "state-b", role: "target" },
  ],
  location: { city: "Port A", country: "AA" },
  identifiers: [],
  sources: [{ key: "s", url: "https://example.org/exercise", publisher: "Publisher s" }],
  claims: [],
  notes: [],
  unverified: [],
  meeting_ids: ["m-cancelled", "m-declined"],
};

/** The small dataset with one incident, cited by the declined and the cancelled meeting, and delegations at its forum edition. */
function withCauses(): Dataset {
  return smallDataset((d) => {
    d.incidents = [exercise, { ...exercise, id: "uncited-statement-2023", kind: "statement", title: "An uncited statement", date: "2023-01", meeting_ids: [] }];
    const declined = d.meetings.find((m) => m.id === "m-declined")!;
    declined.status_history[1]!.incidents = [exercise.id];
    const cancelled = d.meetings.find((m) => m.id === "m-cancelled")!;
    Object.assign(cancelled.status_history[0]!, { incidents: [exercise.id], by: "state-b", reason: "The exercise.", source: "s" });
    d.forums[0]!.editions[0]!.delegations = [
      { state: "state-a", level: "minister", head: "a", head_title: "Minister of Defence", source: "s" },
      { state: "state-b", level: "absent", note: "Stayed away over the exercise." },
    ];
  });
}

describe("incidents on the site", () => {
  const site = renderSite(withCauses());
  const page = (p: string): string => String(site.get(p));

  it("each incident has a page listing the meetings refused, cancelled or postponed because of it, with the steps that cite it", () => {
    const text = page("incidents/state-a-exercise-2022.html");
    expect(text).toContain("<h1>State A naval exercise</h1>");
    expect(text).toContain('<p class="type">incident: exercise</p>');
    const section = text.slice(text.indexOf('id="consequences-h"'), text.indexOf("</section>", text.indexOf('id="consequences-h"')));
    expect([...section.matchAll(/<li><a href="\.\.\/meetings\/([^"]+)\.html">/g)].map((m) => m[1])).toEqual(["m-declined", "m-cancelled"]);
    // The step's source is cited on the meeting's page, where its sources are listed.
    expect(section).toContain('<strong>Reason given:</strong> The exercise. <a class="cite" href="../meetings/m-cancelled.html#source-s">[Publisher s]</a>');
    expect(text).toMatch(/<th scope="row"><a href="\.\.\/actors\/state-a\.html">State A<\/a><\/th><td>by<\/td>/);
    expect(page("incidents/uncited-statement-2023.html")).toContain("No meeting in the dataset cites it.");
  });

  it("the meeting page's status history links to the incident it cites", () => {
    expect(page("meetings/m-cancelled.html")).toContain('<strong>Incident cited:</strong> <a href="../incidents/state-a-exercise-2022.html">State A naval exercise</a>');
    expect(page("meetings/m-held.html")).not.toContain("Incident cited");
  });

  it("incidents are in the search index and on the A–Z list, and every link resolves", () => {
    const entry = buildSearchIndex(new SiteModel(withCauses())).find((e) => e.id === exercise.id);
    expect(entry).toEqual({ id: exercise.id, type: "incident", name: "State A naval exercise", aliases: ["State A", "State B"], kind: "exercise", countries: ["AA", "BB"], years: [2022], url: "incidents/state-a-exercise-2022.html" });
    expect(page("a-z/s.html")).toContain('href="../incidents/state-a-exercise-2022.html"');
    // The small dataset has no release files, so only the download links may not resolve.
    expect(brokenLinks(site).filter((b) => !b.includes("download/"))).toEqual([]);
  });
});

describe("delegations on the site", () => {
  const site = renderSite(withCauses());
  const page = (p: string): string => String(site.get(p));

  it("the forum page says who led each delegation at each edition", () => {
    expect(page("forums/forum-1.html")).toContain('<a href="../actors/state-a.html">State A</a>: minister (<a href="../actors/a.html">Person A</a>); <a href="../actors/state-b.html">State B</a>: absent');
  });

  it("the edition page has a table of delegations, citing the source that says so", () => {
    const text = page("editions/forum-1-2022.html");
    expect(text).toContain('<h2 id="delegations-h">Delegations</h2>');
    expect(text).toContain('<th scope="row"><a href="../actors/state-a.html">State A</a></th><td><a href="../actors/a.html">Person A</a>, Minister of Defence</td><td>minister <a class="cite" href="#source-s">[Publisher s]</a></td>');
    expect(text).toContain("<td>absent </td><td>Stayed away over the exercise.</td>");
    // The small dataset has no release files, so only the download links may not resolve.
    expect(brokenLinks(site).filter((b) => !b.includes("download/"))).toEqual([]);
  });
});

describe("the release's incidents on the site", () => {
  it("every incident page links to each meeting that cites it, and each such meeting links back", async () => {
    const release = await realRelease();
    const site = siteOfRelease(release);
    for (const i of release.dataset.incidents) {
      const text = String(site.get(`incidents/${i.id}.html`));
      for (const m of i.meeting_ids) {
        expect(text, `${i.id} → ${m}`).toContain(`href="../meetings/${m}.html"`);
        expect(String(site.get(`meetings/${m}.html`)), `${m} → ${i.id}`).toContain(`href="../incidents/${i.id}.html"`);
      }
    }
  }, 120_000);
});
