/**
 * The search index: one small entry per page (actors, meetings, sanctions, incidents, forums, editions) with the
 * names to match and the values to filter by. It is written whole as search-index.json for anyone, and
 * in shards for the site's search (search-shards.ts), so that a visitor never downloads it whole.
 */
import type { PublishedMeeting } from "../types.generated.ts";
import { dayOf, yearOf, type PageType, type SiteModel } from "./model.ts";
import { sanctionStart } from "../publish/derive.ts";
import { yearOfDay } from "../partial-date.ts";
import { jsonText } from "../json-text.ts";

export interface SearchEntry {
  id: string;
  type: PageType;
  name: string;
  /** Aliases, names in other scripts, and for a meeting its participants' names. */
  aliases: string[];
  kind?: string;
  status?: string;
  countries: string[];
  years: number[];
  /** The page, relative to the site root. */
  url: string;
}

const range = (from: number | undefined, to: number | undefined): number[] => {
  if (from === undefined) return [];
  const out: number[] = [];
  for (let y = from; y <= (to ?? from); y++) out.push(y);
  return out;
};
const uniqueSorted = (years: (number | undefined)[]): number[] => [...new Set(years.filter((y): y is number => y !== undefined))].sort((a, b) => a - b);


export function buildSearchIndex(model: SiteModel): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const url = (id: string): string => model.targets.get(id)!.path;
  const meetingYear = (m: PublishedMeeting): number | undefined => yearOf(model.meetingDate(m));
  const sanctionYears = (id: string): number[] => {
    const s = model.sanctions.get(id)!;
    const to = s.ended ? dayOf(s.ended, "to") : dayOf(model.releaseDate, "to");
    return range(yearOf(sanctionStart(s)), (to === undefined ? undefined : yearOfDay(to)));
  };
  for (const a of model.dataset.actors) {
    entries.push({
      id: a.id,
      type: "actor",
      name: a.name,
      aliases: [...a.aliases, ...a.native_names.map((n) => n.name)],
      kind: a.kind,
      countries: model.countriesOf("actor", a.id),
      years: uniqueSorted(a.meeting_ids.map((id) => { const m = model.meetings.get(id); return m && meetingYear(m); })),
      url: url(a.id),
    });
  }
  for (const m of model.dataset.meetings) {
    entries.push({ id: m.id, type: "meeting", name: m.title, aliases: m.participants.map((p) => model.name(p.actor)), kind: m.kind, status: m.status, countries: model.countriesOf("meeting", m.id), years: uniqueSorted([meetingYear(m)]), url: url(m.id) });
  }
  for (const s of model.dataset.sanctions) {
    entries.push({ id: s.id, type: "sanction", name: s.title, aliases: s.targets.map((t) => model.name(t.actor)), status: s.status, countries: model.countriesOf("sanction", s.id), years: sanctionYears(s.id), url: url(s.id) });
  }
  for (const i of model.dataset.incidents) {
    entries.push({ id: i.id, type: "incident", name: i.title, aliases: i.actors.map((a) => model.name(a.actor)), kind: i.kind, countries: model.countriesOf("incident", i.id), years: uniqueSorted([yearOf(i.date)]), url: url(i.id) });
  }
  for (const f of model.dataset.forums) {
    entries.push({ id: f.id, type: "forum", name: f.name, aliases: [...f.aliases, ...f.native_names.map((n) => n.name)], countries: model.countriesOf("forum", f.id), years: uniqueSorted(f.editions.map((e) => yearOf(e.start) ?? yearOf(/\d{4}/.exec(e.id)?.[0]))), url: url(f.id) });
    for (const e of f.editions) {
      entries.push({ id: e.id, type: "edition", name: model.name(e.id), aliases: f.aliases, status: e.status, countries: model.countriesOf("edition", e.id), years: uniqueSorted([yearOf(e.start) ?? yearOf(/\d{4}/.exec(e.id)?.[0])]), url: url(e.id) });
    }
  }
  return entries;
}

/** JSON that is also safe inside a script: `<` is escaped so no `</script>` can end it early. */
export function scriptSafeJson(value: unknown): string {
  return jsonText(value).replace(/</g, "\\u003c");
}

