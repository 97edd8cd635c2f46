/**
 * FollowTheMoney entities (https://followthemoney.tech), one JSON object per line, as Aleph, yente and
 * OpenSanctions read them: actors as `Person`, `Organization` or `PublicBody`; posts as `Position`
 * with an `Occupancy` per term; each sanction as one `Sanction` per target; meetings, incidents and
 * forum editions as `Event`. Ids are derived from record ids, so they are stable across releases.
 */
import { createHash } from "node:crypto";
import type { PublishedRecords } from "../publish/records.ts";
import { ActorIndex, certainDate, sourceUrls } from "./common.ts";
import { jsonText } from "../json-text.ts";
import { append } from "../collections.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** The entity id of a record: a prefix for its type, then its id. */
export const ftmId = (type: "actor" | "meeting" | "edition" | "incident", id: string): string => `sidelines-${type}-${id}`;

/** The FtM schema for each actor kind: states and government and military bodies are public bodies. */
const ACTOR_SCHEMA: Record<string, string> = {
  person: "Person",
  state: "PublicBody",
  "government-body": "PublicBody",
  "military-body": "PublicBody",
  organisation: "Organization",
  "international-organisation": "Organization",
  media: "Organization",
};

const short = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 16);

/** Properties with their empty values dropped, so that no property is present without a value. */
function props(entries: Record<string, ReadonlyArray<string | undefined> | string | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(entries)) {
    const values = [...new Set((Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x.trim() !== ""))];
    if (values.length) out[k] = values;
  }
  return out;
}

const lower = (codes: ReadonlyArray<string | undefined>): Array<string | undefined> => codes.map((c) => c?.toLowerCase());

type Published = PublishedRecords;

/**
 * The entities of each record, record by record in the order a release is written (actors first, so
 * that the other records can name them); the positions, shared by the people who held them, at the end.
 */
export class FtmMaker {
  /** Every actor seen so far (the exports that follow the actors look them up here). */
  readonly actors = new ActorIndex();
  private readonly positions = new Map<string, FtmEntity>();

  actor(a: Published["actor"][number]): FtmEntity[] {
    this.actors.add(a);
    const out: FtmEntity[] = [];
    const schema = ACTOR_SCHEMA[a.kind]!;
    const common = {
      name: a.name,
      alias: [...(a.aliases ?? []), ...(a.native_names ?? []).map((n) => n.name)],
      summary: a.summary,
      wikidataId: (a.identifiers ?? []).filter((i) => i.scheme === "wikidata").map((i) => i.value),
      sourceUrl: sourceUrls(a.sources),
    };
    if (schema === "Person") {
      out.push({ id: ftmId("actor", a.id), schema, properties: props({ ...common, citizenship: lower(a.citizenship ?? []), birthDate: certainDate(a.born), birthPlace: a.birth_place }) });
      (a.positions ?? []).forEach((p, i) => {
        const postId = `sidelines-position-${short(`${p.organisation}\u0000${p.title}`)}`;
        if (!this.positions.has(postId)) this.positions.set(postId, { id: postId, schema: "Position", properties: props({ name: p.title, organization: ftmId("actor", p.organisation) }) });
        out.push({
          id: `sidelines-occupancy-${a.id}-${i}`,
          schema: "Occupancy",
          properties: props({ holder: ftmId("actor", a.id), post: postId, startDate: certainDate(p.start), endDate: certainDate(p.end), status: p.end ? "ended" : undefined }),
        });
      });
    } else {
      out.push({
        id: ftmId("actor", a.id),
        schema,
        properties: props({ ...common, country: lower([a.country]), parent: a.parent ? ftmId("actor", a.parent) : undefined, incorporationDate: certainDate(a.founded), dissolutionDate: certainDate(a.dissolved) }),
      });
      // A state's membership of an organisation (the European Union): FtM's Membership of a legal entity in an organization.
      (a.memberships ?? []).forEach((m, i) => {
        out.push({ id: `sidelines-membership-${a.id}-${i}`, schema: "Membership", properties: props({ member: ftmId("actor", a.id), organization: ftmId("actor", m.organisation), startDate: certainDate(m.start), endDate: certainDate(m.end) }) });
      });
    }
    return out;
  }

  sanction(s: Published["sanction"][number]): FtmEntity[] {
    const authority = this.actors.byId.get(s.imposed_by)?.name;
    const imposer = this.actors.byId.get(s.on_behalf_of);
    return s.targets.map((t) => {
      const measures = s.measures.filter((m) => !m.targets || m.targets.includes(t.actor));
      return {
        id: `sidelines-sanction-${s.id}-${t.actor}`,
        schema: "Sanction",
        properties: props({
          entity: ftmId("actor", t.actor),
          authority,
          country: lower([imposer?.country]),
          program: s.legal_basis.map((l) => l.citation),
          provisions: measures.map((m) => (m.description ? `${m.type}: ${m.description}` : m.type)),
          reason: s.reason,
          startDate: certainDate(s.effective ?? s.listed ?? s.announced),
          listingDate: certainDate(s.listed),
          endDate: certainDate(s.ended),
          status: s.status,
          sourceUrl: sourceUrls(s.sources),
          summary: s.title,
        }),
      };
    });
  }

  meeting(m: Published["meeting"][number]): FtmEntity[] {
    const involved = [...new Set(m.participants.flatMap((p) => [p.actor, ...(p.on_behalf_of ? [p.on_behalf_of] : [])]))];
    const steps = (m.status_history ?? []).map((h) => `${h.status} ${h.date}${h.by ? ` by ${this.actors.byId.get(h.by)?.name ?? h.by}` : ""}`);
    return [
      {
        id: ftmId("meeting", m.id),
        schema: "Event",
        properties: props({
          name: m.title,
          startDate: certainDate(m.date),
          endDate: certainDate(m.end),
          involved: involved.map((id) => ftmId("actor", id)),
          location: m.location ? [m.location.venue, m.location.city].filter(Boolean).join(", ") : undefined,
          country: lower([m.location?.country]),
          summary: m.summary,
          description: `Status: ${m.status}${steps.length ? ` (${steps.join("; ")})` : ""}.`,
          sourceUrl: sourceUrls(m.sources),
        }),
      },
    ];
  }

  /** The acts cited as causes of refusals: events in FtM's terms, with who did them and to whom. */
  incident(i: Published["incident"][number]): FtmEntity[] {
    return [
      {
        id: ftmId("incident", i.id),
        schema: "Event",
        properties: props({
          name: i.title,
          startDate: certainDate(i.date),
          endDate: certainDate(i.end),
          involved: i.actors.map((a) => ftmId("actor", a.actor)),
          location: i.location ? [i.location.venue, i.location.city].filter(Boolean).join(", ") : undefined,
          country: lower([i.location?.country]),
          summary: i.summary,
          description: `Incident (${i.kind}): ${i.actors.map((a) => `${this.actors.byId.get(a.actor)?.name ?? a.actor} (${a.role})`).join(", ")}.`,
          sourceUrl: sourceUrls(i.sources),
        }),
      },
    ];
  }

  forum(f: Published["forum"][number]): FtmEntity[] {
    return f.editions.map((e) => ({
      id: ftmId("edition", e.id),
      schema: "Event",
      properties: props({
        name: e.name ?? `${f.name}: ${e.id}`,
        startDate: certainDate(e.start),
        endDate: certainDate(e.end),
        organizer: f.organisers.map((o) => ftmId("actor", o)),
        description: `Status: ${e.status}.`,
        sourceUrl: sourceUrls([...((e as { sources?: Array<{ url?: string }> }).sources ?? []), ...f.sources]),
      }),
    }));
  }

  /** The entities of one published record of any type (none for a tombstone). */
  record(type: RecordType, record: unknown): FtmEntity[] {
    switch (type) {
      case "actor":
        return this.actor(record as Published["actor"][number]);
      case "sanction":
        return this.sanction(record as Published["sanction"][number]);
      case "incident":
        return this.incident(record as Published["incident"][number]);
      case "meeting":
        return this.meeting(record as Published["meeting"][number]);
      case "forum":
        return this.forum(record as Published["forum"][number]);
      case "tombstone":
        return [];
    }
  }

  /** The positions the people held, once each: known when every actor has been seen. */
  positionEntities(): FtmEntity[] {
    return [...this.positions.values()];
  }
}

/** Orders entities by id, as the export lists them. */
export const byEntityId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function ftmEntities(records: PublishedRecords): FtmEntity[] {
  const maker = new FtmMaker();
  const out: FtmEntity[] = [];
  for (const type of RECORD_TYPE_NAMES) for (const r of records[type] as readonly unknown[]) append(out, maker.record(type, r));
  append(out, maker.positionEntities());
  return out.sort(byEntityId);
}

/** The export's text: one entity per line. */
export function ftmLines(records: PublishedRecords): string {
  return ftmEntities(records).map((e) => `${jsonText(e)}\n`).join("");
}
