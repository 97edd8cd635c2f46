/**
 * Figures over the rounds of `npm run bench`. Each round runs every tool once, one after another, so
 * two tools' times from one round were taken close together; between rounds the machine's speed can
 * drift (on the 2-core machine, the same cold validation took 5.9–6.4 s at one time and 7.2–8.6 s
 * some twenty minutes later). A ratio taken round by round is not moved by that drift, where the
 * ratio of two medians can pair one tool's fast round with the other's slow one.
 */

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `of`'s time over `to`'s in each round (the two lists in round order), and their median; undefined unless both have every round. */
export function roundRatios(of: readonly number[], to: readonly number[]): { each: number[]; median: number } | undefined {
  if (of.length === 0 || of.length !== to.length || to.some((t) => !(t > 0))) return undefined;
  const each = of.map((x, i) => x / to[i]!);
  return { each, median: median(each) };
}
