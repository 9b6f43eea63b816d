import { describe, expect, it } from "vitest";
import { analysisStateOfJob, jobEventsUrl, parseJobProgressEvent, withJobEvent, type JobProgressEvent } from "./jobs";

const event = (state: JobProgressEvent["state"], progress: number, stage: string | null = "pose"): JobProgressEvent => ({
  type: "update",
  jobId: "j1",
  sequence: 1,
  state,
  attempt: 1,
  progress,
  stage,
  error: null,
  at: "2026-03-01T10:00:10Z",
});

describe("jobEventsUrl", () => {
  it("puts the token in the query, since EventSource cannot send headers", () => {
    expect(jobEventsUrl("j1", "a.b+c")).toBe("/api/v1/jobs/j1/events?access_token=a.b%2Bc");
  });
});

describe("parseJobProgressEvent", () => {
  it("reads an SSE data line", () => {
    const data = JSON.stringify({ ...event("running", 0.4), type: "snapshot" });
    expect(parseJobProgressEvent(data)).toMatchObject({ type: "snapshot", state: "running", progress: 0.4, stage: "pose" });
  });

  it("rejects data that is not an event", () => {
    expect(() => parseJobProgressEvent("{oops")).toThrow(/not JSON/);
    expect(() => parseJobProgressEvent(JSON.stringify({ ...event("running", 0), state: "zombie" }))).toThrow(/unknown state/);
  });
});

describe("analysisStateOfJob", () => {
  it("maps job states the way the api's views do", () => {
    expect(["pending", "queued", "running", "succeeded", "failed", "canceled", "dead"].map((s) => analysisStateOfJob(s as never))).toEqual([
      "queued",
      "queued",
      "running",
      "completed",
      "failed",
      "canceled",
      "failed",
    ]);
  });
});

describe("withJobEvent", () => {
  const view = { state: "queued" as const, progress: 0, stage: null };

  it("moves progress and stage on while the job runs", () => {
    expect(withJobEvent(view, event("running", 0.35, "pose_estimation"))).toEqual({ state: "running", progress: 0.35, stage: "pose_estimation" });
  });

  it("leaves the final state for the analysis to report", () => {
    const running = { state: "running" as const, progress: 0.9, stage: "overlay" };
    expect(withJobEvent(running, event("succeeded", 1, "done"))).toEqual({ state: "running", progress: 1, stage: "done" });
  });
});
