import { describe, expect, it } from "vitest";
import { difficultyLabel, energyLabel, energyLevelOf, parseStyleTags, styleTagsProblem } from "./move-display";

describe("energyLevelOf", () => {
  it("cuts halfway between the planner's low, medium and high targets", () => {
    expect([0, 34.9, 35, 64.9, 65, 100].map(energyLevelOf)).toEqual(["low", "low", "medium", "medium", "high", "high"]);
  });

  it("reads nonsense as low and clamps the label's number", () => {
    expect(energyLevelOf(Number.NaN)).toBe("low");
    expect(energyLabel(84.4)).toBe("High energy (84)");
    expect(energyLabel(130)).toBe("High energy (100)");
  });
});

describe("difficultyLabel", () => {
  it("names each of 1 to 5 and shows anything else as it is", () => {
    expect(difficultyLabel(1)).toBe("1 · Easiest");
    expect(difficultyLabel(5)).toBe("5 · Hardest");
    expect(difficultyLabel(7)).toBe("7");
    expect(difficultyLabel(2.5)).toBe("2.5");
  });
});

describe("style tags", () => {
  it("splits on commas, trims, lower-cases and drops repeats and blanks", () => {
    expect(parseStyleTags(" Salsa, social ,, SALSA, hip hop ")).toEqual(["salsa", "social", "hip hop"]);
    expect(parseStyleTags("   ")).toEqual([]);
  });

  it("says what breaks the api's limits before sending", () => {
    expect(styleTagsProblem(["salsa"])).toBeNull();
    expect(styleTagsProblem(Array.from({ length: 17 }, (_, i) => `t${i}`))).toMatch(/at most 16/);
    expect(styleTagsProblem(["x".repeat(41)])).toMatch(/longer than 40/);
  });
});
