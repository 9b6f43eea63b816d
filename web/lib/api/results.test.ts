import { afterEach, describe, expect, it, vi } from "vitest";
import { analysisResult } from "./fixtures";
import { getAnalysisResult, parseAnalysisResult } from "./results";
import { callInit, json, problem, stubFetch } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("parseAnalysisResult", () => {
  it("reads the snake_case results into the client's names", () => {
    const result = parseAnalysisResult(analysisResult);
    expect(result.processing).toMatchObject({ totalFrames: 375, framesWithPose: 360, detectionRate: 0.96 });
    expect(result.movement.bodyPartActivity).toEqual({ head: 12, torso: 30.5, left_arm: 88, right_arm: 90.1, left_leg: 40, right_leg: 41 });
    expect(result.movement.timeline[1]).toEqual({ startS: 2.5, endS: 10, movementType: "dancing", intensity: 80 });
    expect(result.rhythm).toEqual({ hasRhythm: true, estimatedBpm: 118.4, rhythmConsistency: 82, peaksS: [3, 3.5, 4, 4.5] });
    expect(result.segments[1]).toEqual({ index: 1, startS: 2.5, endS: 12.5, movementType: "dancing", energy: 84 });
    expect(result.notes).toHaveLength(1);
  });

  it("reads a video where nobody was found: empty timeline and segments", () => {
    const result = parseAnalysisResult({
      ...analysisResult,
      movement: { ...analysisResult.movement, timeline: [] },
      rhythm: { has_rhythm: false, estimated_bpm: 0, rhythm_consistency: 0, peaks_s: [] },
      segments: [],
    });
    expect(result.movement.timeline).toEqual([]);
    expect(result.rhythm.hasRhythm).toBe(false);
  });

  it("fails clearly when a timeline run lacks its end", () => {
    const broken = { ...analysisResult, movement: { ...analysisResult.movement, timeline: [{ start_s: 0, movement_type: "dancing", intensity: 1 }] } };
    expect(() => parseAnalysisResult(broken)).toThrow("Timeline run 0 has no end_s.");
  });
});

describe("getAnalysisResult", () => {
  it("reads /result of the analysis", async () => {
    const fetchMock = stubFetch(json(analysisResult));
    await getAnalysisResult("a1");
    expect(callInit(fetchMock).url).toBe("/api/v1/analyses/a1/result");
  });

  it("says so when the analysis has not completed", async () => {
    stubFetch(problem(409, "Analysis a1 is running; its result exists once it is completed.", { code: "not_completed" }));
    await expect(getAnalysisResult("a1")).rejects.toMatchObject({ code: "not_completed" });
  });
});
