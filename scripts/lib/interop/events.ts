/**
 * Event rows, as conflict- and event-data researchers code them (actor, target, date, event code): one
 * row per meeting status change, with its CAMEO code (derived by the build) and the PLOVER event type
 * and mode that code maps to. Source and target are filled only where the record says who acted.
 */
import type { PublishedRecords } from "../publish/records.ts";
import { ActorIndex, datePrecision } from "./common.ts";

/**
 * PLOVER event type, mode and context for the CAMEO codes the build gives status changes, from the
 * PLOVER project's own mapping: openeventdata/PLOVER, CAMEO2PLOVER-2021.txt (commit 6b803a4). An empty
 * mode or context is empty there too.
 */
export const CAMEO_TO_PLOVER: Readonly<Record<string, { event: string; mode: string; context: string }>> = {
  "036": { event: "AGREE", mode: "", context: "diplomatic" },
  "040": { event: "CONSULT", mode: "", context: "" },
  "041": { event: "CONSULT", mode: "phone", context: "" },
  "042": { event: "CONSULT", mode: "visit", context: "" },
  "043": { event: "CONSULT", mode: "host", context: "" },
  "044": { event: "CONSULT", mode: "third-party", context: "" },
  "125": { event: "REJECT", mode: "meet", context: "diplomatic" },
};

/** The columns, in order, with what each holds (the data package's field descriptions). */
export const EVENT_COLUMNS: ReadonlyArray<{ name: string; type: "string" | "integer"; description: string; required?: boolean }> = [
  { name: "event_id", type: "string", required: true, description: "`<meeting_id>/<item_index>`: the status change's stable id; `<meeting_id>/status` for a meeting recorded without a history, whose one row is its status on its date." },
  { name: "meeting_id", type: "string", required: true, description: "The meeting (`meetings.id`)." },
  { name: "item_index", type: "integer", description: "The status change's place in the meeting's `status_history`, counting from 0; empty for a meeting recorded without a history." },
  { name: "date", type: "string", required: true, description: "When the step happened or was made known, as the record gives it (a partial date, possibly qualified)." },
  { name: "date_precision", type: "string", description: "`year`, `month` or `day`: how precise `date` is." },
  { name: "date_qualifier", type: "string", description: "`early`, `mid`, `late`, `circa`, `before` or `after` when `date` is qualified; empty otherwise." },
  { name: "status", type: "string", required: true, description: "The status the meeting entered (proposed, declined, held…)." },
  { name: "channel", type: "string", description: "How the step was made or made known." },
  { name: "source_actor", type: "string", description: "Who took the step (`by`): the proposer, decliner, canceller. Empty when the record does not say." },
  { name: "source_state", type: "string", description: "The state the source actor stands for, where the record says so (the actor itself, its `on_behalf_of` in the meeting, or the state of its country)." },
  { name: "target_actors", type: "string", description: "The participants on the other side from the source state, `;`-separated. Empty when there is no source actor." },
  { name: "target_state", type: "string", description: "The state the target participants stand for, when they all stand for one." },
  { name: "participants", type: "string", description: "Every participant of the meeting, `;`-separated." },
  { name: "cameo", type: "string", description: "The CAMEO event code of the step (derived by the build; empty where no code fits)." },
  { name: "plover_event", type: "string", description: "The PLOVER event type of the CAMEO code (openeventdata/PLOVER's CAMEO2PLOVER mapping)." },
  { name: "plover_mode", type: "string", description: "The PLOVER mode of the CAMEO code, where the mapping gives one." },
  { name: "plover_context", type: "string", description: "The PLOVER context of the CAMEO code, where the mapping gives one." },
  { name: "sanction", type: "string", description: "The sanction cited as the reason (`sanctions.id`)." },
  { name: "incidents", type: "string", description: "The incidents cited as causes (`incidents.id`), `;`-separated." },
  { name: "source_url", type: "string", description: "The address of the source that reports the step." },
];

export type EventRow = Record<string, string | number | undefined>;

export function eventRows(records: PublishedRecords): EventRow[] {
  const actors = new ActorIndex(records.actor);
  return records.meeting.flatMap((m) => meetingEventRows(m, actors));
}

/** The event rows of one meeting, given the index of every actor. */
export function meetingEventRows(m: PublishedRecords["meeting"][number], actors: ActorIndex): EventRow[] {
  const rows: EventRow[] = [];
  const sides = m.participants.map((p) => ({ actor: p.actor, state: actors.stateOf(p.actor, p.on_behalf_of) }));
  const urlOf = new Map(m.sources.flatMap((s) => (s.key && s.url ? [[s.key, s.url] as const] : [])));
  // A meeting recorded without a history has one step all the same: its status, on its date.
  const history = m.status_history?.length ? m.status_history : m.date ? [{ status: m.status, date: m.date, cameo: m.cameo }] : [];
  const implied = !m.status_history?.length;
  (history as NonNullable<typeof m.status_history>).forEach((h, i) => {
    const step = h as typeof h & { incidents?: string[] };
    const sourceState = h.by ? (sides.find((s) => s.actor === h.by)?.state ?? actors.stateOf(h.by)) : undefined;
    const targets = h.by ? sides.filter((s) => s.actor !== h.by && (sourceState === undefined || s.state !== sourceState)) : [];
    const targetStates = [...new Set(targets.map((t) => t.state))];
    const plover = h.cameo ? CAMEO_TO_PLOVER[h.cameo] : undefined;
    rows.push({
      event_id: implied ? `${m.id}/status` : `${m.id}/${i}`,
      meeting_id: m.id,
      item_index: implied ? undefined : i,
      date: h.date,
      date_precision: datePrecision(h.date).precision,
      date_qualifier: datePrecision(h.date).qualifier,
      status: h.status,
      channel: h.channel,
      source_actor: h.by,
      source_state: sourceState,
      target_actors: targets.map((t) => t.actor).join(";") || undefined,
      target_state: targetStates.length === 1 ? targetStates[0] : undefined,
      participants: sides.map((s) => s.actor).join(";"),
      cameo: h.cameo ?? undefined,
      plover_event: plover?.event,
      plover_mode: plover?.mode || undefined,
      plover_context: plover?.context || undefined,
      sanction: h.sanction,
      incidents: step.incidents?.join(";") || undefined,
      source_url: h.source ? urlOf.get(h.source) : undefined,
    });
  });
  return rows;
}
