/**
 * What the pages need to know about the records beyond each record itself: where each record's page
 * is, which forum an edition belongs to, the date to place a meeting at, and per actor the meetings
 * and sanctions it is involved in. Everything is computed from the published dataset.
 */
import crypto from "node:crypto";
import type { Quality, Sourcing } from "../quality/measure.ts";
import type { Dataset, ForumEdition, PublishedActor, PublishedForum, PublishedIncident, PublishedMeeting, PublishedSanction } from "../types.generated.ts";
import { dayRange, parsePartialDate } from "../partial-date.ts";
import { inEffect, isDesignation, meetingDate, membershipLookup, type OrganisationsOn } from "../publish/derive.ts";

export type PageType = "actor" | "meeting" | "sanction" | "incident" | "forum" | "edition";

export const PAGE_FOLDERS: Record<PageType, string> = { actor: "actors", meeting: "meetings", sanction: "sanctions", incident: "incidents", forum: "forums", edition: "editions" };

/** A record (or forum edition) that has a page. */
export interface PageTarget {
  type: PageType;
  id: string;
  name: string;
  /** Path of the page from the site root, with forward slashes. */
  path: string;
}

export interface EditionEntry {
  edition: ForumEdition;
  forum: PublishedForum;
  index: number;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** Adds `item` to the list under `key` (in place: copying the list each time is quadratic in a large forum's meetings). */
function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** A readable label for an enum value such as `export-licence-denial`. */
export const label = (value: string): string => value.replace(/-/g, " ");

export class SiteModel {
  readonly actors = new Map<string, PublishedActor>();
  /** The organisations a state belonged to on given days (see membershipLookup). */
  private readonly organisationsOn: OrganisationsOn;
  readonly meetings = new Map<string, PublishedMeeting>();
  readonly sanctions = new Map<string, PublishedSanction>();
  readonly incidents = new Map<string, PublishedIncident>();
  readonly forums = new Map<string, PublishedForum>();
  readonly editions = new Map<string, EditionEntry>();
  readonly targets = new Map<string, PageTarget>();
  /** The state actor for each country code, for placing people and bodies under their state. */
  readonly stateOfCountry = new Map<string, string>();
  /** Meetings whose status history cites each sanction. */
  readonly meetingsCitingSanction = new Map<string, string[]>();
  /** The bodies each actor is the parent of, in dataset order. */
  readonly partsOf = new Map<string, PublishedActor[]>();
  /** The meetings on the sidelines of each forum edition, in dataset order. */
  readonly meetingsAt = new Map<string, PublishedMeeting[]>();
  /** Each forum edition's start date, for placing meetings without a date of their own. */
  private readonly editionStart = new Map<string, string>();

  /** The release's sourcing figures (quality.json), when the site is made from a release that has them. */
  quality: Quality | undefined;

  /** How a record is sourced, by the release's quality.json; undefined without it. */
  sourcing(id: string): Sourcing | undefined {
    return this.quality?.records[id];
  }

  constructor(readonly dataset: Dataset) {
    const add = (type: PageType, id: string, name: string): void => {
      this.targets.set(id, { type, id, name, path: `${PAGE_FOLDERS[type]}/${fileName(id)}.html` });
    };
    for (const a of dataset.actors) {
      this.actors.set(a.id, a);
      add("actor", a.id, a.name);
      if (a.kind === "state" && a.country && !this.stateOfCountry.has(a.country)) this.stateOfCountry.set(a.country, a.id);
      if (a.parent) pushTo(this.partsOf, a.parent, a);
    }
    this.organisationsOn = membershipLookup(dataset.actors);
    for (const s of dataset.sanctions) {
      this.sanctions.set(s.id, s);
      add("sanction", s.id, s.title);
    }
    for (const i of dataset.incidents) {
      this.incidents.set(i.id, i);
      add("incident", i.id, i.title);
    }
    for (const m of dataset.meetings) {
      this.meetings.set(m.id, m);
      add("meeting", m.id, m.title);
      if (m.sidelines_of) pushTo(this.meetingsAt, m.sidelines_of, m);
      for (const step of m.status_history) {
        if (!step.sanction) continue;
        // A meeting's steps are read together, so the meeting can only be on the list already as its last id.
        const list = this.meetingsCitingSanction.get(step.sanction);
        if (!list) this.meetingsCitingSanction.set(step.sanction, [m.id]);
        else if (list[list.length - 1] !== m.id) list.push(m.id);
      }
    }
    for (const f of dataset.forums) {
      this.forums.set(f.id, f);
      add("forum", f.id, f.name);
      f.editions.forEach((edition, index) => {
        this.editions.set(edition.id, { edition, forum: f, index });
        if (edition.start) this.editionStart.set(edition.id, edition.start);
        add("edition", edition.id, editionName(f, edition));
      });
    }
  }

  /** The release date: the source commit's time, as a day (the build never reads the clock). */
  get releaseDate(): string {
    return /^\d{4}-\d{2}-\d{2}/.exec(this.dataset.metadata.source_date)?.[0] ?? "";
  }

  name(id: string): string {
    return this.targets.get(id)?.name ?? id;
  }

  private readonly countryNames = new Map<string, string>();

  countryName(code: string): string {
    let name = this.countryNames.get(code);
    if (name === undefined) {
      try {
        name = regionNames.of(code) ?? code;
      } catch {
        name = code;
      }
      this.countryNames.set(code, name);
    }
    return name;
  }

  /**
   * The date a meeting is placed at, by the rule of the derived `participant_sanctioned`: its `date`,
   * else the start of the forum edition on whose sidelines it was, else the date of its last status change.
   */
  meetingDate(m: PublishedMeeting): string | undefined {
    return meetingDate(m, this.editionStart);
  }

  /** Why a meeting without its own date is placed where it is; undefined when it has a date. */
  meetingDateBasis(m: PublishedMeeting): string | undefined {
    if (m.date) return undefined;
    if (m.sidelines_of && this.editions.get(m.sidelines_of)?.edition.start) return "start of the forum edition";
    return m.status_history.length ? "date of the last status change" : undefined;
  }

  /** The state a participant stood for: its `on_behalf_of`, else the actor itself. */
  participantSide(p: { actor: string; on_behalf_of?: string }): string {
    return p.on_behalf_of ?? p.actor;
  }

  /** The state an actor belongs to: itself when a state, else the state of its country or citizenship. */
  stateOf(actorId: string): string {
    const a = this.actors.get(actorId);
    if (!a || a.kind === "state") return actorId;
    const code = a.country ?? a.citizenship[0];
    return (code && this.stateOfCountry.get(code)) || actorId;
  }

  /** The sanctions that involve an actor in any role (its derived `sanction_ids`), in dataset order. */
  private sanctionsOf(actorId: string): PublishedSanction[] {
    return (this.actors.get(actorId)?.sanction_ids ?? []).flatMap((id) => this.sanctions.get(id) ?? []);
  }

  /** Sanctions that name the actor as a target. */
  sanctionsReceived(actorId: string): PublishedSanction[] {
    return this.sanctionsOf(actorId).filter((s) => s.targets.some((t) => t.actor === actorId));
  }

  /**
   * The sanctions behind a participant's place in a meeting's derived `sanctioned_participants`: those
   * on the participant, in effect on the meeting's date, imposed on behalf of the state another
   * participant stood for (the release publishes only the participant's id, never a list per meeting).
   */
  sanctionsInEffect(actorId: string, m: PublishedMeeting): PublishedSanction[] {
    const text = this.meetingDate(m);
    const on = text === undefined ? undefined : parsePartialDate(text);
    if (!on) return [];
    const days = dayRange(on);
    const sides = m.participants.filter((q) => q.actor !== actorId).flatMap((q) => [this.participantSide(q), this.stateOf(q.actor)]);
    // A sanction imposed on behalf of an organisation (the European Union) counts for its members on the day.
    const others = new Set([...sides, ...sides.flatMap((side) => this.organisationsOn(side, days))]);
    return this.sanctionsReceived(actorId).filter((s) => !isDesignation(s) && others.has(s.on_behalf_of) && inEffect(s, on));
  }

  /** Sanctions the actor imposed, implemented, or that were imposed on its behalf. */
  sanctionsImposed(actorId: string): PublishedSanction[] {
    return this.sanctionsOf(actorId).filter((s) => s.imposed_by === actorId || s.on_behalf_of === actorId || s.implemented_by.includes(actorId));
  }

  /** Countries a record is about, for the search filter. */
  countriesOf(type: PageType, id: string): string[] {
    const codes = new Set<string>();
    const addActor = (actorId: string): void => {
      const a = this.actors.get(actorId);
      if (!a) return;
      if (a.country) codes.add(a.country);
      for (const c of a.citizenship) codes.add(c);
    };
    if (type === "actor") addActor(id);
    else if (type === "meeting") for (const p of this.meetings.get(id)?.participants ?? []) addActor(this.participantSide(p));
    else if (type === "sanction") {
      const s = this.sanctions.get(id);
      if (s) [s.on_behalf_of, ...s.targets.map((t) => t.actor)].forEach(addActor);
    } else if (type === "incident") {
      const i = this.incidents.get(id);
      for (const a of i?.actors ?? []) addActor(a.actor);
      if (i?.location?.country) codes.add(i.location.country);
    } else if (type === "forum") {
      const f = this.forums.get(id);
      if (f?.venue?.country) codes.add(f.venue.country);
      for (const e of f?.editions ?? []) if (e.venue?.country) codes.add(e.venue.country);
    } else {
      const e = this.editions.get(id);
      const country = e?.edition.venue?.country ?? e?.forum.venue?.country;
      if (country) codes.add(country);
    }
    return [...codes].sort();
  }
}

/** The id as a file name; an id that is not a plain slug (only in a hand-made release) gets a hash. */
export function fileName(id: string): string {
  return /^[a-z0-9][a-z0-9._-]*$/i.test(id) ? id : `x-${crypto.createHash("sha256").update(id).digest("hex").slice(0, 16)}`;
}

export function editionName(forum: PublishedForum, edition: ForumEdition): string {
  if (edition.name) return edition.name;
  const year = edition.start ? parsePartialDate(edition.start)?.year : Number(/\d{4}/.exec(edition.id)?.[0]);
  return year ? `${forum.name} ${year}` : `${forum.name} (${edition.id})`;
}

/** The year of a partial date, or undefined. */
export function yearOf(date: string | undefined): number | undefined {
  return date ? parsePartialDate(date)?.year : undefined;
}

/**
 * One day to draw a partial date at (as days since 1970): the middle of the days it may mean, or the
 * known end of an open range (`before 2023`, `after 2023`).
 */
export function dayOf(date: string | undefined, end: "from" | "to" | "mid" = "mid"): number | undefined {
  const d = date ? parsePartialDate(date) : undefined;
  if (!d) return undefined;
  const { from, to } = dayRange(d);
  if (!Number.isFinite(from)) return to;
  if (!Number.isFinite(to)) return from;
  return end === "from" ? from : end === "to" ? to : Math.floor((from + to) / 2);
}
