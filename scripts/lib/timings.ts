/**
 * Phase timings on stderr when SIDELINES_TIMINGS=1, for profiling a large run (README, Performance).
 * Returns a function that prints the time since its previous call under a phase name, with the heap in use.
 */
export function phaseTimer(label: string): (phase: string) => void {
  if (process.env.SIDELINES_TIMINGS !== "1") return () => undefined;
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    process.stderr.write(`${label}: ${phase} ${(now - last).toFixed(0)} ms (heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB)\n`);
    last = now;
  };
}
