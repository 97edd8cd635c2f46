/** A page at a withdrawn id's old address, so that links and bookmarks to it lead somewhere. */
import type { PublishedTombstone } from "../types.generated.ts";
import { html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { date, paragraphs, refs } from "./render-common.ts";

export function renderTombstone(ctx: PageContext, t: PublishedTombstone): string {
  const what = t.change === "moved" ? "was renamed" : t.change === "split" ? "was split" : "was removed";
  const body = html`<article class="record tombstone">
<p class="type">withdrawn ${t.type} id</p>
<h1><code>${t.id}</code> ${what}</h1>
<p>On ${date(t.date)} this ${t.type} ${what}${t.to.length ? html`; see ${refs(ctx, t.to)}` : ""}.</p>
${paragraphs(t.reason)}
</article>`;
  return page(ctx, { title: `${t.id} ${what}`, body });
}
