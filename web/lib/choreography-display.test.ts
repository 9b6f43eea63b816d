import { describe, expect, it } from "vitest";
import { CHOREOGRAPHY_STATES, TRANSITIONS } from "@/lib/api";
import {
  choreographyProgressCaption,
  choreographyStateLabel,
  choreographyStateTone,
  layoutBlueprint,
  moveSwatch,
  sourceLabel,
  transitionLabel,
} from "./choreography-display";

describe("state display", () => {
  it("labels every state and tones the final ones", () => {
    for (const state of CHOREOGRAPHY_STATES) expect(choreographyStateLabel(state)).not.toBe("");
    expect(choreographyStateLabel("running")).toBe("Assembling");
    expect(choreographyStateTone("completed")).toBe("ok");
    expect(choreographyStateTone("failed")).toBe("error");
  });

  it("captions progress with the stage while assembling", () => {
    expect(choreographyProgressCaption({ state: "running", stage: "render_clips", progress: 0.424 })).toBe("Render clips · 42%");
    expect(choreographyProgressCaption({ state: "running", stage: null, progress: 0.1 })).toBe("Assembling · 10%");
    expect(choreographyProgressCaption({ state: "queued", stage: null, progress: 0 })).toBe("Waiting for a worker…");
  });
});

describe("names", () => {
  it("spells transitions and sources for people", () => {
    expect(TRANSITIONS.map(transitionLabel)).toEqual(["Cut", "Crossfade", "Fade to black"]);
    expect(sourceLabel("description")).toBe("From a description");
    expect(sourceLabel("remix_v2")).toBe("Remix v2");
  });
});

describe("layoutBlueprint", () => {
  const move = (clipId: string, startTime: number, duration: number, transitionType: "cut" | "crossfade" | "fade_black" = "crossfade") => ({
    clipId,
    startTime,
    duration,
    transitionType,
  });

  it("places moves in order as percentages of the choreography", () => {
    const { blocks, totalS } = layoutBlueprint([move("a", 0, 2.5), move("b", 2.5, 7.5)], 10);
    expect(totalS).toBe(10);
    expect(blocks.map((b) => [b.clipId, b.order, b.left, b.width])).toEqual([
      ["a", 0, 0, 25],
      ["b", 1, 25, 75],
    ]);
  });

  it("reads the first move's transition as a cut, since the assembler ignores it", () => {
    const { blocks } = layoutBlueprint([move("a", 0, 2, "fade_black"), move("b", 2, 2, "fade_black")], 4);
    expect(blocks.map((b) => b.transitionType)).toEqual(["cut", "fade_black"]);
  });

  it("stretches to the last move when the total is short", () => {
    expect(layoutBlueprint([move("a", 0, 5)], 4).totalS).toBe(5);
  });
});

describe("moveSwatch", () => {
  it("gives neighbouring moves different colours", () => {
    expect(moveSwatch(0)).not.toBe(moveSwatch(1));
    expect(moveSwatch(5)).toBe(moveSwatch(0));
  });
});
