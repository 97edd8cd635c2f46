/**
 * Resource limits for untrusted input. A record is a few kilobytes; these leave ample room for real
 * records while keeping a hostile file from costing more than a bounded amount of time and memory.
 * CONTRIBUTING.md states them; change both together.
 */
export const LIMITS = {
  /** Largest file read, in bytes. */
  maxFileBytes: 256 * 1024,
  /** Longest line, in characters. */
  maxLineLength: 10_000,
  /** Deepest nesting of mappings and lists. */
  maxDepth: 32,
  /** Most files under `data/` in one run. */
  maxFiles: 1_000_000,
} as const;
