/** Levenshtein distance, for "did you mean" hints. Inputs are short keys and enum values. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance that scales with length, or undefined. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase().replace(/[_\s]/g, "-");
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const hay = c.toLowerCase().replace(/[_\s]/g, "-");
    const score = hay === needle ? 0 : editDistance(needle, hay);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(input.length, 3) / 3));
  return bestScore <= allowed ? best : undefined;
}
