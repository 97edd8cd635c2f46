/** The page of one sanction: authority, targets, measures, legal basis, and the meetings it affected. */
import type { PublishedSanction } from "../types.generated.ts";
import { html, join, type Html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { label } from "./model.ts";
import { date, evidence, fact, facts, maybe, paragraphs, ref, refs, citeRecord, scrollTable } from "./render-common.ts";
import { statusBadge } from "./status.ts";

function targets(ctx: PageContext, s: PublishedSanction): Html {
  return html`<section aria-labelledby="targets-h"><h2 id="targets-h">Targets</h2><ul>${s.targets.map(
    (t, i) => html`<li>${fact(s, `targets/${i}/actor`, ref(ctx, t.actor))}${t.role ? html` (${label(t.role)})` : ""}${t.note ? html`: ${fact(s, `targets/${i}/note`, t.note)}` : ""}</li>`,
  )}</ul></section>`;
}

function measures(ctx: PageContext, s: PublishedSanction): Html {
  if (s.kind === "designation") {
    return html`<section aria-labelledby="measures-h"><h2 id="measures-h">Measures</h2><p>None: this is a designation. It places its targets on a list and imposes no measures of its own, so it does not count as a sanction in the dataset's figures or in a meeting's sanctions.</p></section>`;
  }
  return html`<section aria-labelledby="measures-h"><h2 id="measures-h">Measures</h2>
${scrollTable("Measures", html`<table><thead><tr><th scope="col">Measure</th><th scope="col">Applies to</th><th scope="col">Provision and wording</th></tr></thead><tbody>
${s.measures.map(
  (m, i) => html`<tr><th scope="row">${label(m.type)}</th><td>${fact(s, `measures/${i}/targets`, m.targets ? refs(ctx, m.targets) : "every target")}</td><td>${m.legal_ref ?? ""}${m.legal_ref && m.description ? ": " : ""}${m.description ? html`“${m.description}”` : ""}</td></tr>`,
)}</tbody></table>`)}</section>`;
}

function legalBasis(s: PublishedSanction): Html {
  return html`<section aria-labelledby="legal-h"><h2 id="legal-h">Legal basis</h2><ul>${s.legal_basis.map(
    (l) => html`<li><strong>${l.citation}</strong> (${label(l.instrument)})${l.title ? html`: ${l.title}` : ""}${l.date ? html`, ${date(l.date)}` : ""}</li>`,
  )}</ul></section>`;
}

function responses(ctx: PageContext, s: PublishedSanction): Html {
  const ids = [...new Set([...s.responses, ...(ctx.model.meetingsCitingSanction.get(s.id) ?? [])])];
  if (ids.length === 0) return html``;
  return html`<section aria-labelledby="responses-h"><h2 id="responses-h">Responses: meetings declined, cancelled or postponed</h2><ul>${ids.map((id) => {
    const m = ctx.model.meetings.get(id);
    const cited = m?.status_history.find((step) => step.sanction === s.id);
    return html`<li>${ref(ctx, id)}${m ? html` — ${statusBadge(m)}` : ""}${cited?.reason ? html`<p class="reason">${cited.reason}</p>` : ""}</li>`;
  })}</ul></section>`;
}

export function renderSanction(ctx: PageContext, s: PublishedSanction): string {
  const body = html`<article class="record sanction">
<p class="type">${s.kind === "designation" ? "designation" : "sanction"}</p>
<h1>${s.title}</h1>
${facts([
  ["Imposed by", fact(s, "imposed_by", ref(ctx, s.imposed_by))],
  ["On behalf of", fact(s, "on_behalf_of", ref(ctx, s.on_behalf_of))],
  ["Carried out by", s.implemented_by.length ? fact(s, "implemented_by", refs(ctx, s.implemented_by)) : undefined],
  ["Announced", fact(s, "announced", date(s.announced))],
  ["Listed", maybe(s, "listed", s.listed && date(s.listed))],
  ["In effect from", maybe(s, "effective", s.effective && date(s.effective))],
  ["Ended", maybe(s, "ended", s.ended && date(s.ended))],
  ["Status", fact(s, "status", html`${label(s.status)}${s.status_as_of ? html` as of ${fact(s, "status_as_of", date(s.status_as_of))}` : ""}`)],
  ["Lists", s.lists.length ? join(s.lists.map((l) => html`${l.name ?? label(l.list)}${l.targets ? html` (${refs(ctx, l.targets)})` : ""}${l.date ? html`, ${date(l.date)}` : ""}`), "; ") : undefined],
])}
${s.reason ? html`<section aria-labelledby="reason-h"><h2 id="reason-h">Reason given</h2>${paragraphs(s.reason)}</section>` : ""}
${s.objective ? html`<section aria-labelledby="objective-h"><h2 id="objective-h">Stated objective</h2>${paragraphs(s.objective)}</section>` : ""}
${targets(ctx, s)}
${measures(ctx, s)}
${legalBasis(s)}
${s.transactions.length ? html`<section aria-labelledby="tx-h"><h2 id="tx-h">Transactions that triggered it</h2><ul>${s.transactions.map((t, i) => html`<li>${t.item}${t.quantity !== undefined ? html` (${fact(s, `transactions/${i}/quantity`, String(t.quantity))})` : ""} with ${ref(ctx, t.counterparty)}${t.date ? html`, ${date(t.date)}` : ""}</li>`)}</ul></section>` : ""}
${responses(ctx, s)}
${evidence(s, ctx.model.sourcing(s.id))}
${citeRecord(ctx, s.id, s.title)}
</article>`;
  return page(ctx, { title: s.title, description: `${s.title}: sanction announced ${s.announced}`, body });
}
