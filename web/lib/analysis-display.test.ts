import { describe, expect, it } from "vitest";
import { ANALYSIS_STATES } from "@/lib/api";
import {
  layoutBeats,
  layoutTimeline,
  movementColour,
  movementShares,
  MOVEMENT_TYPES,
  progressCaption,
  progressPercent,
  stateLabel,
  stateTone,
} from "./analysis-display";

const run = (startS: number, endS: number, movementType = "dancing") => ({ startS, endS, movementType, intensity: 50 });

describe("state display", () => {
  it("gives every state a label and marks the bad endings as errors", () => {
    for (const state of ANALYSIS_STATES) expect(stateLabel(state)).not.toBe("");
    expect(stateTone("rejected")).toBe("error");
    expect(stateTone("failed")).toBe("error");
    expect(stateTone("completed")).toBe("ok");
    expect(stateTone("running")).toBe("active");
  });

  it("captions progress with the stage while running", () => {
    expect(progressCaption({ state: "running", stage: "pose_estimation", progress: 0.424 })).toBe("Pose estimation · 42%");
    expect(progressCaption({ state: "running", stage: null, progress: 0.1 })).toBe("Analyzing · 10%");
    expect(progressCaption({ state: "queued", stage: null, progress: 0 })).toBe("Waiting for a worker…");
  });

  it("clamps progress to 0..100", () => {
    expect(progressPercent(1.02)).toBe(100);
    expect(progressPercent(-0.1)).toBe(0);
    expect(progressPercent(Number.NaN)).toBe(0);
  });
});

describe("movementColour", () => {
  it("gives each movement type its own colour and unknown ones a shared one", () => {
    const swatches = new Set(MOVEMENT_TYPES.map((t) => movementColour(t).swatch));
    expect(swatches.size).toBe(MOVEMENT_TYPES.length);
    expect(movementColour("spinning").swatch).toBe(movementColour("floating").swatch);
  });
});

describe("layoutTimeline", () => {
  it("places runs as percentages of the clip", () => {
    const { blocks, totalS } = layoutTimeline([run(0, 2.5, "standing"), run(2.5, 10)], 10);
    expect(totalS).toBe(10);
    expect(blocks.map((b) => [b.left, b.width])).toEqual([
      [0, 25],
      [25, 75],
    ]);
  });

  it("leaves gaps where no pose was found", () => {
    const { blocks } = layoutTimeline([run(0, 2), run(6, 8)], 8);
    expect(blocks[1].left).toBe(75);
    expect(blocks[0].left + blocks[0].width).toBe(25);
  });

  it("stretches the clip to the last run when the duration is short or missing", () => {
    const { blocks, totalS } = layoutTimeline([run(0, 4), run(4, 5)], 0);
    expect(totalS).toBe(5);
    expect(blocks[1]).toMatchObject({ left: 80, width: 20 });
  });

  it("clamps a run that starts before the clip and drops an empty one", () => {
    const { blocks } = layoutTimeline([run(-1, 2), run(3, 3)], 4);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ left: 0, width: 50 });
  });

  it("lays out nothing for an empty clip", () => {
    expect(layoutTimeline([], 0)).toEqual({ blocks: [], totalS: 0 });
  });
});

describe("layoutBeats", () => {
  it("places beats inside the clip and drops the rest", () => {
    expect(layoutBeats([0, 5, 10, 11], 10)).toEqual([0, 50, 100]);
    expect(layoutBeats([1], 0)).toEqual([]);
  });
});

describe("movementShares", () => {
  it("adds up each type's time, largest first", () => {
    expect(movementShares([run(0, 1, "standing"), run(1, 4), run(4, 5, "standing")])).toEqual([
      { movementType: "dancing", seconds: 3 },
      { movementType: "standing", seconds: 2 },
    ]);
  });
});
