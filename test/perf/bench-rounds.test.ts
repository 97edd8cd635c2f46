/**
 * The benchmark's ratios round by round (scripts/lib/bench/rounds.ts): each round's pair of times is
 * taken together, so a drift of the machine's speed between rounds moves both.
 */
import { describe, expect, it } from "vitest";
import { median, roundRatios } from "../../scripts/lib/bench/rounds.ts";

describe("roundRatios", () => {
  it("pairs the two tools' times by round, where the ratio of the medians pairs different rounds", () => {
    // Rounds 2 and 3 are slower for one tool each: ours ran at 0.8 of the peer in rounds 1 and 3.
    const ours = [8, 16, 16];
    const peer = [10, 10, 20];
    const r = roundRatios(ours, peer)!;
    expect(r.each).toEqual([0.8, 1.6, 0.8]);
    expect(r.median).toBe(0.8);
    expect(median(ours) / median(peer)).toBe(1.6);
  });

  it("gives nothing for rounds that do not pair up, or a time of zero", () => {
    expect(roundRatios([1, 2], [1])).toBeUndefined();
    expect(roundRatios([], [])).toBeUndefined();
    expect(roundRatios([1], [0])).toBeUndefined();
  });

  it("takes the median of an even number of rounds as the mean of the middle two", () => {
    expect(roundRatios([1, 2, 3, 4], [1, 1, 1, 1])!.median).toBe(2.5);
  });
});
