/**
 * List helpers safe for lists of any length. `target.push(...items)` and `Math.max(...items)` pass every
 * item as an argument on the stack and fail ("Maximum call stack size exceeded") beyond about 100,000
 * items; these loop instead. Use them wherever a list grows with the data.
 */

/** Appends every item to `target` (in place) and returns it. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest number, or `empty` for none. */
export function maxOf(items: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let first = true;
  for (const x of items) {
    if (first || x > max) max = x;
    first = false;
  }
  return max;
}

/** The smallest number, or `empty` for none. */
export function minOf(items: Iterable<number>, empty = Infinity): number {
  let min = empty;
  let first = true;
  for (const x of items) {
    if (first || x < min) min = x;
    first = false;
  }
  return min;
}
