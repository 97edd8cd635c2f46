/**
 * Escaping for the static site. Every page is built with the `html` tagged template, which escapes
 * each interpolated value unless it is already `Html`; record text therefore cannot reach a page
 * unescaped unless a renderer wraps it in `raw()` on purpose (only done for markup we generate).
 */

/** Markup that is already safe to put in a page. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values (and SVG/XML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Marks generated markup as safe. Never pass record text here. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return (value as readonly Interpolation[]).map(render).join("");
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` escapes `text`; arrays are joined; null, undefined and booleans render nothing. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Joins pieces with a separator (escaped unless it is Html). */
export function join(items: readonly Interpolation[], separator: Interpolation = ", "): Html {
  return new Html(items.map(render).join(render(separator)));
}

/**
 * The address as a link target, or undefined when it is not an absolute `https:`/`http:` URL. Records
 * are validated to hold only such addresses, but the site does not rely on that: a `javascript:` or
 * `data:` address in a hand-edited release must render as text, never as a link.
 */
export function safeUrl(address: string | undefined): string | undefined {
  if (!address || /[\u0000-\u001f\u007f\s]/.test(address)) return undefined;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
}

/** A link to an outside address when it is safe, else the label as plain text. */
export function externalLink(address: string | undefined, label: Interpolation): Html {
  const href = safeUrl(address);
  return href ? html`<a href="${href}" rel="noopener noreferrer external">${label}</a>` : html`${label}`;
}

/** A fragment id made from record text: only letters, digits, `-` and `_` survive. */
export function anchorId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]+/g, "-")).join("-");
}
