import { describe, expect, it } from "vitest";
import { downsampleCurve, energyShade, layoutSections } from "./song-display";

const section = (index: number, startSeconds: number, endSeconds: number, energy: number) => ({ index, startSeconds, endSeconds, energy });

describe("layoutSections", () => {
  it("places sections as percentages of the song with their energy clamped", () => {
    const { blocks, totalS } = layoutSections([section(0, 0, 30, 20), section(1, 30, 120, 140)], 120);
    expect(totalS).toBe(120);
    expect(blocks.map((b) => [b.index, b.left, b.width, b.energy])).toEqual([
      [0, 0, 25, 20],
      [1, 25, 75, 100],
    ]);
  });

  it("lays out nothing for a song without sections", () => {
    expect(layoutSections([], 0).blocks).toEqual([]);
  });
});

describe("downsampleCurve", () => {
  it("averages equal stretches into the columns asked for", () => {
    expect(downsampleCurve([0, 10, 20, 30, 40, 50], 3)).toEqual([5, 25, 45]);
  });

  it("keeps a short curve as it is and clamps values", () => {
    expect(downsampleCurve([10, 120], 50)).toEqual([10, 100]);
    expect(downsampleCurve([], 10)).toEqual([]);
    expect(downsampleCurve([1, 2], 0)).toEqual([]);
  });
});

describe("energyShade", () => {
  it("goes from pale for quiet sections to deep for loud ones", () => {
    expect(energyShade(0)).toBe("bg-amber-200");
    expect(energyShade(50)).toBe("bg-amber-400");
    expect(energyShade(100)).toBe("bg-amber-600");
    expect(energyShade(Number.NaN)).toBe("bg-amber-200");
  });
});
