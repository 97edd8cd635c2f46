/**
 * Derived fields: facts computed from several records, published so that consumers need not join
 * them themselves. The public schema (public-schemas.ts) describes each; this module computes them.
 * - actors: the meetings and sanctions that involve them;
 * - incidents: the meetings whose status changes cite them;
 * - meetings: whether a participant was under a sanction in effect, imposed on behalf of the state of
 *   another participant (or of an organisation that state was a member of), on the meeting's date,
 *   and which participants were (one id each: no list here grows with the number of sanctions on a
 *   person, which link tables carry once);
 * - meeting status changes: a CAMEO event code.
 */
import { dayRange, parsePartialDate, type PartialDate } from "../partial-date.ts";
import type { Actor, Forum, Incident, Meeting, Sanction, StatusChange, Tombstone } from "../types.generated.ts";
import type { SourceRecords } from "./collect.ts";
import { compareStrings } from "./json.ts";
import type { RecordType } from "../record-types.ts";

type Derived<T, D> = T & D;
export type DerivedActor = Derived<Actor, { meeting_ids: string[]; sanction_ids: string[] }>;
export type DerivedIncident = Derived<Incident, { meeting_ids: string[] }>;
export type DerivedMeeting = Derived<
  Omit<Meeting, "status_history">,
  { status_history: Array<StatusChange & { cameo: string | null }>; cameo: string | null; participant_sanctioned: boolean | null; sanctioned_participants: string[] }
>;

export interface DerivedRecords {
  sanction: Sanction[];
  forum: Forum[];
  tombstone: Tombstone[];
  actor: DerivedActor[];
  incident: DerivedIncident[];
  meeting: DerivedMeeting[];
}

const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(compareStrings);

function addTo(map: Map<string, Set<string>>, key: string | undefined, value: string): void {
  if (key === undefined) return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** The records the lookups are made from: whole, or only the parts DERIVER_READS (load/lookup-parts.ts) lists. */
export type DeriverSources = Pick<SourceRecords, "actor" | "forum" | "meeting" | "sanction">;

/** What the derivations read of an actor. */
type ActorFacts = Pick<Actor, "kind" | "country" | "citizenship">;

/** Lookups the derivations share, made in one reading of the actors and one of the forums. */
class Index {
  readonly actors = new Map<string, ActorFacts>();
  readonly statesByCountry = new Map<string, string[]>();
  readonly editionStart = new Map<string, string>();
  readonly organisationsOn: OrganisationsOn;

  constructor(records: Pick<SourceRecords, "actor" | "forum">) {
    const memberships: Array<Pick<Actor, "id" | "memberships">> = [];
    for (const a of records.actor) {
      this.actors.set(a.id, { kind: a.kind, ...(a.country === undefined ? {} : { country: a.country }), ...(a.citizenship === undefined ? {} : { citizenship: a.citizenship }) });
      if (a.memberships) memberships.push({ id: a.id, memberships: a.memberships });
      if (a.kind !== "state" || !a.country) continue;
      const states = this.statesByCountry.get(a.country);
      if (states) states.push(a.id);
      else this.statesByCountry.set(a.country, [a.id]);
    }
    this.organisationsOn = membershipLookup(memberships);
    for (const f of records.forum) for (const e of f.editions ?? []) if (e.start) this.editionStart.set(e.id, e.start);
  }

  /** The states (or organisations) a participant represents. */
  statesOf(participant: { actor: string; on_behalf_of?: string }): Set<string> {
    const out = new Set<string>();
    const countries = new Set<string>();
    for (const id of [participant.actor, participant.on_behalf_of]) {
      if (id === undefined) continue;
      const actor = this.actors.get(id);
      if (id === participant.on_behalf_of || actor?.kind === "state") out.add(id);
      if (actor?.country) countries.add(actor.country);
      for (const c of actor?.citizenship ?? []) countries.add(c);
    }
    for (const c of countries) for (const s of this.statesByCountry.get(c) ?? []) out.add(s);
    return out;
  }

  /** Countries of the states a participant represents, for "third location". */
  countriesOf(participant: { actor: string; on_behalf_of?: string }): Set<string> {
    const out = new Set<string>();
    for (const s of this.statesOf(participant)) {
      const c = this.actors.get(s)?.country;
      if (c) out.add(c);
    }
    return out;
  }
}

/** Whether a sanction record is a designation (a listing that imposes no measures) rather than a sanction. */
export function isDesignation(s: Pick<Sanction, "kind">): boolean {
  return s.kind === "designation";
}

/** The date a meeting's sanctions are judged on: its date, else its forum edition's start, else its last status change. */
export function meetingDate(m: Pick<Meeting, "date" | "sidelines_of" | "status_history">, editionStart: ReadonlyMap<string, string>): string | undefined {
  return m.date ?? (m.sidelines_of ? editionStart.get(m.sidelines_of) : undefined) ?? m.status_history?.at(-1)?.date;
}

/** When a sanction took effect, as best known: its `effective` date, else `listed`, else `announced`. */
export function sanctionStart(s: Pick<Sanction, "effective" | "listed" | "announced">): string {
  return s.effective ?? s.listed ?? s.announced;
}

/** Days, as dayRange counts them. */
interface Span {
  start: number;
  end: number;
}

/**
 * What certainly lasted from `start` until `end` (open when there is none), in days: it held on every day
 * of a date when `start <= date.from` and `end > date.to`. Undefined when a date does not parse.
 */
function certainSpan(startText: string, endText: string | undefined): Span | undefined {
  const start = parsePartialDate(startText);
  if (!start) return undefined;
  if (endText === undefined) return { start: dayRange(start).to, end: Infinity };
  const end = parsePartialDate(endText);
  return end ? { start: dayRange(start).to, end: dayRange(end).from } : undefined;
}

const covers = (span: Span, on: { from: number; to: number }): boolean => span.start <= on.from && span.end > on.to;

/** A sanction's span in days. */
const spanOf = (s: Pick<Sanction, "effective" | "listed" | "announced" | "ended">): Span | undefined => certainSpan(sanctionStart(s), s.ended);

/** Whether the sanction was certainly in effect on every day the date may mean. */
export function inEffect(s: Sanction, on: PartialDate): boolean {
  const span = spanOf(s);
  return span !== undefined && covers(span, dayRange(on));
}

/**
 * The organisations each state was certainly a member of on given days (its `memberships`, judged as
 * sanctions are: from the day it joined, until the day it left), from spans computed once for the
 * dataset: a sanction imposed on behalf of one of them counts as imposed on behalf of the state.
 */
export type OrganisationsOn = (state: string, on: { from: number; to: number }) => string[];

export function membershipLookup(actors: Iterable<Pick<Actor, "id" | "memberships">>): OrganisationsOn {
  const spans = new Map<string, Array<{ organisation: string; span: Span }>>();
  for (const a of actors) {
    for (const m of a.memberships ?? []) {
      const span = certainSpan(m.start, m.end);
      if (!span) continue;
      const list = spans.get(a.id);
      if (list) list.push({ organisation: m.organisation, span });
      else spans.set(a.id, [{ organisation: m.organisation, span }]);
    }
  }
  return (state, on) => (spans.get(state) ?? []).filter((x) => covers(x.span, on)).map((x) => x.organisation);
}

/**
 * The sanctions on one target imposed on behalf of one state, as day intervals sorted by start, with the
 * latest end among each prefix: whether one of them was in effect on a date is a binary search, so that
 * a person under a thousand sanctions costs a meeting no more than one under a few.
 */
interface SanctionSpans {
  starts: number[];
  /** `latestEnd[i]`: the largest end among spans 0..i (Infinity for a sanction not ended). */
  latestEnd: number[];
}

/** What the spans read of a sanction. */
type SanctionFacts = Pick<Sanction, "kind" | "effective" | "listed" | "announced" | "ended" | "on_behalf_of"> & { targets: Array<{ actor: string }> };

function spansByTargetAndState(sanctions: readonly SanctionFacts[]): Map<string, Map<string, SanctionSpans>> {
  const raw = new Map<string, Map<string, Array<{ start: number; end: number }>>>();
  for (const s of sanctions) {
    // A designation only lists its targets: it imposes nothing a meeting could run into.
    if (isDesignation(s)) continue;
    const span = spanOf(s);
    if (!span) continue;
    for (const t of new Set(s.targets.map((x) => x.actor))) {
      let byState = raw.get(t);
      if (!byState) raw.set(t, (byState = new Map()));
      let list = byState.get(s.on_behalf_of);
      if (!list) byState.set(s.on_behalf_of, (list = []));
      list.push(span);
    }
  }
  const out = new Map<string, Map<string, SanctionSpans>>();
  for (const [t, byState] of raw) {
    const m = new Map<string, SanctionSpans>();
    for (const [state, list] of byState) {
      list.sort((a, b) => a.start - b.start);
      let latest = -Infinity;
      m.set(state, { starts: list.map((x) => x.start), latestEnd: list.map((x) => (latest = Math.max(latest, x.end))) });
    }
    out.set(t, m);
  }
  return out;
}

/** Whether one of the spans covers every day of `on` (a sanction certainly in effect then). */
function anyInEffect(spans: SanctionSpans, on: { from: number; to: number }): boolean {
  // The last span that starts no later than on.from.
  let lo = 0;
  let hi = spans.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans.starts[mid]! <= on.from) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans.latestEnd[lo - 1]! > on.to;
}

/**
 * The participants under a sanction in effect on the meeting's date that had been imposed on behalf of a
 * state another participant represented, or of an organisation that state was a member of then (`null`
 * flag when the meeting has no date). The list holds at most one id per participant, whatever the
 * number of sanctions: which sanctions applied is a join of the release's link tables (see the
 * `sanctioned_participants` description in public-schemas.ts).
 */
function sanctionedParticipants(m: Meeting, index: Index, spans: ReadonlyMap<string, ReadonlyMap<string, SanctionSpans>>): { flag: boolean | null; list: string[] } {
  const text = meetingDate(m, index.editionStart);
  const date = text === undefined ? undefined : parsePartialDate(text);
  if (!date) return { flag: null, list: [] };
  const on = dayRange(date);
  // Each participant's side: the states it represents, and the organisations they were members of then.
  const states = m.participants.map((q) => {
    const side = index.statesOf(q);
    for (const state of [...side]) for (const org of index.organisationsOn(state, on)) side.add(org);
    return side;
  });
  const found = new Set<string>();
  m.participants.forEach((p) => {
    const byState = spans.get(p.actor);
    if (!byState || found.has(p.actor)) return;
    const hit = m.participants.some((q, j) => q.actor !== p.actor && [...states[j]!].some((state) => { const s = byState.get(state); return s !== undefined && anyInEffect(s, on); }));
    if (hit) found.add(p.actor);
  });
  const list = [...found].sort(compareStrings);
  return { flag: list.length > 0, list };
}

/** The CAMEO code of a status change (see CAMEO_DESCRIPTIONS in public-schemas.ts). */
export function cameoCode(step: Pick<StatusChange, "status">, m: Pick<Meeting, "kind" | "location" | "participants">, index?: { countriesOf(p: { actor: string; on_behalf_of?: string }): Set<string> }): string | null {
  switch (step.status) {
    case "proposed":
    case "invited":
    case "accepted":
      return "036";
    case "declined":
    case "cancelled":
      return "125";
    case "no-response":
    case "postponed":
      return null;
    case "held": {
      if (m.kind === "call" || m.kind === "video-call") return "041";
      if (m.kind === "visit") return "042";
      const where = m.location?.country;
      if (where && index) {
        const home = m.participants.map((p) => index.countriesOf(p));
        if (home.every((c) => c.size > 0) && home.every((c) => !c.has(where))) return "044";
      }
      return "040";
    }
  }
}

/**
 * The derived fields of each record, one record at a time: the lookups are made once from every
 * record, and each record's derived copy only when it is published, so that a build never holds a
 * derived copy of the whole dataset.
 */
export class Deriver {
  private readonly index: Index;
  private readonly meetingsOf = new Map<string, Set<string>>();
  private readonly sanctionsOf = new Map<string, Set<string>>();
  private readonly meetingsCiting = new Map<string, Set<string>>();
  private readonly spans: ReadonlyMap<string, ReadonlyMap<string, SanctionSpans>>;

  constructor(records: DeriverSources) {
    this.index = new Index(records);
    for (const m of records.meeting) {
      for (const p of m.participants) for (const id of [p.actor, p.on_behalf_of]) addTo(this.meetingsOf, id, m.id);
      for (const step of m.status_history ?? []) for (const id of step.incidents ?? []) addTo(this.meetingsCiting, id, m.id);
    }
    const spans: SanctionFacts[] = [];
    for (const s of records.sanction) {
      for (const id of [s.imposed_by, s.on_behalf_of, ...(s.implemented_by ?? []), ...s.targets.map((t) => t.actor)]) addTo(this.sanctionsOf, id, s.id);
      const { kind, effective, listed, announced, ended, on_behalf_of, targets } = s;
      spans.push({ kind, effective, listed, announced, ended, on_behalf_of, targets: targets.map((t) => ({ actor: t.actor })) });
    }
    this.spans = spansByTargetAndState(spans);
  }

  actor(a: Actor): DerivedActor {
    return { ...a, meeting_ids: sorted(this.meetingsOf.get(a.id) ?? []), sanction_ids: sorted(this.sanctionsOf.get(a.id) ?? []) };
  }

  incident(i: Incident): DerivedIncident {
    return { ...i, meeting_ids: sorted(this.meetingsCiting.get(i.id) ?? []) };
  }

  meeting(m: Meeting): DerivedMeeting {
    const { flag, list } = sanctionedParticipants(m, this.index, this.spans);
    return {
      ...m,
      status_history: (m.status_history ?? []).map((step) => ({ ...step, cameo: cameoCode(step, m, this.index) })),
      cameo: cameoCode(m, m, this.index),
      participant_sanctioned: flag,
      sanctioned_participants: list,
    };
  }

  /** A record of any type with its derived fields (the record itself for a type that has none). */
  record(type: RecordType, record: unknown): unknown {
    switch (type) {
      case "actor":
        return this.actor(record as Actor);
      case "incident":
        return this.incident(record as Incident);
      case "meeting":
        return this.meeting(record as Meeting);
      default:
        return record;
    }
  }
}

export function derive(records: SourceRecords): DerivedRecords {
  const deriver = new Deriver(records);
  return {
    actor: Array.from(records.actor, (a) => deriver.actor(a)),
    sanction: [...records.sanction],
    incident: Array.from(records.incident, (i) => deriver.incident(i)),
    meeting: Array.from(records.meeting, (m) => deriver.meeting(m)),
    forum: [...records.forum],
    tombstone: [...records.tombstone],
  };
}
