import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFromDescription,
  createFromSong,
  deleteChoreography,
  getChoreography,
  isChoreographyInProgress,
  listChoreographies,
  parseChoreographyView,
} from "./choreography";
import { choreographyView } from "./fixtures";
import { callInit, json, problem, stubFetch } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

const queued = { ...choreographyView, state: "queued", progress: 0, stage: null, video: null, videoUrl: null, videoUrlExpiresAt: null, finishedAt: null };

describe("creating", () => {
  it("posts the song's knobs as camelCase JSON and reads the queued view", async () => {
    const fetchMock = stubFetch(json(queued, 202));
    const view = await createFromSong({ songId: "s1", difficulty: 2, energyLevel: "high", style: "salsa", durationSeconds: 60, transition: "fade_black" });
    const call = callInit(fetchMock);
    expect(call).toMatchObject({ url: "/api/v1/choreography/from-song", method: "POST" });
    expect(JSON.parse(String(call.body))).toEqual({ songId: "s1", difficulty: 2, energyLevel: "high", style: "salsa", durationSeconds: 60, transition: "fade_black" });
    expect(view.state).toBe("queued");
    expect(view.videoUrl).toBeNull();
  });

  it("posts a description as the query", async () => {
    const fetchMock = stubFetch(json(queued, 202));
    await createFromDescription("an easy, chill salsa for one minute");
    const call = callInit(fetchMock);
    expect(call.url).toBe("/api/v1/choreography/from-description");
    expect(JSON.parse(String(call.body))).toEqual({ query: "an easy, chill salsa for one minute" });
  });

  it("passes on why it cannot be made, with its code", async () => {
    stubFetch(problem(409, "Your move library is empty: moves come from analyzed videos (POST /api/v1/analyses).", { code: "no_moves" }));
    await expect(createFromSong({ songId: "s1", difficulty: 3, transition: "cut" })).rejects.toMatchObject({
      httpStatus: 409,
      code: "no_moves",
      message: expect.stringMatching(/^Your move library is empty/),
    });
  });
});

describe("reading choreographies", () => {
  it("reads the snake_case blueprint into the timeline's moves", async () => {
    stubFetch(json(choreographyView));
    const view = await getChoreography(choreographyView.id);
    expect(view.blueprint).toEqual({
      moves: [
        { clipId: choreographyView.blueprint.moves[0].clip_id, startTime: 0, duration: 4, transitionType: "cut" },
        { clipId: "m2", startTime: 4, duration: 6, transitionType: "crossfade" },
      ],
      totalDuration: 9.5,
      tempo: 120.2,
      difficultyLevel: 3,
    });
    expect(view.video).toEqual({ durationSeconds: 9.5, sizeBytes: 2_000_000 });
    expect(view.videoUrl).toBe(choreographyView.videoUrl);
  });

  it("lists a page with the query the api expects", async () => {
    const fetchMock = stubFetch(json({ items: [choreographyView, queued], pageNumber: 3, pageSize: 10, total: 25 }));
    const page = await listChoreographies({ page: 3, pageSize: 10 });
    expect(callInit(fetchMock).url).toBe("/api/v1/choreography?page=3&pageSize=10");
    expect(page.items.map((c) => c.state)).toEqual(["completed", "queued"]);
  });

  it("reads a blueprint that is not an object as none", () => {
    expect(parseChoreographyView({ ...choreographyView, blueprint: null }).blueprint).toBeNull();
  });

  it("rejects a transition the client does not know", () => {
    const blueprint = { ...choreographyView.blueprint, moves: [{ ...choreographyView.blueprint.moves[0], transition_type: "wipe" }] };
    expect(() => parseChoreographyView({ ...choreographyView, blueprint })).toThrow(/unknown transition_type/);
  });

  it("fails a missing choreography with the 404's detail", async () => {
    stubFetch(problem(404, "No choreography c1."));
    await expect(getChoreography("c1")).rejects.toMatchObject({ httpStatus: 404, message: "No choreography c1." });
  });

  it("deletes with DELETE", async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await deleteChoreography("c1");
    expect(callInit(fetchMock)).toMatchObject({ url: "/api/v1/choreography/c1", method: "DELETE" });
  });
});

describe("isChoreographyInProgress", () => {
  it("is true only while it can still change", () => {
    expect(isChoreographyInProgress("queued") && isChoreographyInProgress("running")).toBe(true);
    expect(["completed", "failed", "canceled"].some((s) => isChoreographyInProgress(s as never))).toBe(false);
  });
});
