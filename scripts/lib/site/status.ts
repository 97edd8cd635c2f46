/**
 * How a meeting's status is drawn. Each group has its own shape as well as its own colour (from the
 * Okabe–Ito palette, which stays distinct for common colour-vision deficiencies), and every mark also
 * carries the status as text, so colour is never the only carrier.
 */
import type { PublishedMeeting } from "../types.generated.ts";
import { html, raw, type Html } from "./escape.ts";

export type Shape = "circle" | "diamond" | "cross" | "square" | "triangle-down" | "ring" | "triangle-up";

export interface StatusStyle {
  key: string;
  label: string;
  shape: Shape;
  colour: string;
  filled: boolean;
}

export const STATUS_STYLES: readonly StatusStyle[] = [
  { key: "held", label: "held", shape: "circle", colour: "#0072B2", filled: true },
  { key: "brief-encounter", label: "brief encounter", shape: "diamond", colour: "#56B4E9", filled: true },
  { key: "declined", label: "declined", shape: "cross", colour: "#D55E00", filled: true },
  { key: "cancelled", label: "cancelled", shape: "square", colour: "#CC79A7", filled: true },
  { key: "postponed", label: "postponed", shape: "triangle-down", colour: "#E69F00", filled: true },
  { key: "proposed", label: "proposed, invited or accepted", shape: "ring", colour: "#009E73", filled: false },
  { key: "no-response", label: "no response", shape: "triangle-up", colour: "#6B6B6B", filled: false },
];

const BY_KEY = new Map(STATUS_STYLES.map((s) => [s.key, s]));

/** The style group of a meeting: a held brief encounter is drawn apart from a held meeting. */
export function statusStyle(m: Pick<PublishedMeeting, "status" | "kind">): StatusStyle {
  if (m.status === "held") return BY_KEY.get(m.kind === "brief-encounter" ? "brief-encounter" : "held")!;
  if (m.status === "invited" || m.status === "accepted") return BY_KEY.get("proposed")!;
  return BY_KEY.get(m.status)!;
}

/** The SVG element of a shape centred on (x, y) with radius r. Numbers only: nothing to escape. */
export function shapeSvg(style: StatusStyle, x: number, y: number, r: number, extra = ""): Html {
  const fill = style.filled ? style.colour : "#fff";
  const paint = `fill="${fill}" stroke="${style.colour}" stroke-width="${style.filled ? 1 : 2.2}"${extra}`;
  const n = (v: number): string => String(Math.round(v * 10) / 10);
  switch (style.shape) {
    case "circle":
    case "ring":
      return raw(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(style.filled ? r : r - 1)}" ${paint}/>`);
    case "square":
      return raw(`<rect x="${n(x - r * 0.85)}" y="${n(y - r * 0.85)}" width="${n(r * 1.7)}" height="${n(r * 1.7)}" ${paint}/>`);
    case "diamond":
      return raw(`<path d="M${n(x)} ${n(y - r * 1.2)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r * 1.2)}L${n(x - r)} ${n(y)}Z" ${paint}/>`);
    case "triangle-down":
      return raw(`<path d="M${n(x - r)} ${n(y - r * 0.8)}L${n(x + r)} ${n(y - r * 0.8)}L${n(x)} ${n(y + r)}Z" ${paint}/>`);
    case "triangle-up":
      return raw(`<path d="M${n(x - r + 1)} ${n(y + r * 0.8 - 1)}L${n(x + r - 1)} ${n(y + r * 0.8 - 1)}L${n(x)} ${n(y - r + 1)}Z" ${paint}/>`);
    case "cross": {
      const a = r * 0.95;
      const w = r * 0.38;
      // An X drawn as one filled outline, so it reads as solid as the other filled shapes.
      const pts: [number, number][] = [
        [-a, -a + w], [-a + w, -a], [0, -w], [a - w, -a], [a, -a + w], [w, 0],
        [a, a - w], [a - w, a], [0, w], [-a + w, a], [-a, a - w], [-w, 0],
      ];
      return raw(`<path d="M${pts.map(([dx, dy]) => `${n(x + dx)} ${n(y + dy)}`).join("L")}Z" ${paint}/>`);
    }
  }
}

/** Each style's small inline icon, drawn once: badges repeat it on every row of every list. */
const ICONS = new Map(STATUS_STYLES.map((style) => [style, raw(`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${shapeSvg(style, 8, 8, 6).value}</svg>`)]));
const iconOf = (style: StatusStyle): Html => ICONS.get(style)!;

/** A small inline icon followed by the status in words, for tables and lists. */
export function statusBadge(m: Pick<PublishedMeeting, "status" | "kind">): Html {
  const style = statusStyle(m);
  const word = m.status === "held" && m.kind === "brief-encounter" ? "held (brief encounter)" : m.status.replace(/-/g, " ");
  return html`<span class="status status-${style.key}">${iconOf(style)} ${word}</span>`;
}

/** The icon and label of a style group, for legends and tallies. */
export function styleBadge(style: StatusStyle): Html {
  return html`<span class="status status-${style.key}">${iconOf(style)} ${style.label}</span>`;
}
