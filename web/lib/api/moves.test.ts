import { afterEach, describe, expect, it, vi } from "vitest";
import { moveView } from "./fixtures";
import { deleteMove, getMoveLink, listMoves, parseMoveView, updateMove } from "./moves";
import { callInit, json, problem, stubFetch } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("listMoves", () => {
  it("asks for a page, with a style filter when given", async () => {
    const fetchMock = stubFetch(json({ items: [moveView], pageNumber: 1, pageSize: 60, total: 1 }));
    const page = await listMoves({ pageSize: 60, style: "salsa" });
    expect(callInit(fetchMock).url).toBe("/api/v1/moves?page=1&pageSize=60&style=salsa");
    expect(page.items[0]).toMatchObject({ name: "Cross-body lead", difficulty: 3, styles: ["salsa", "social"] });
  });

  it("reads a move without tags as an empty list", () => {
    expect(parseMoveView({ ...moveView, styles: null }).styles).toEqual([]);
  });

  it("rejects a move without a name", () => {
    expect(() => parseMoveView({ ...moveView, name: undefined })).toThrow(/name/);
  });
});

describe("updateMove", () => {
  it("PATCHes only the fields given and reads the move as saved", async () => {
    const fetchMock = stubFetch(json({ ...moveView, styles: ["salsa"], difficulty: 4 }));
    const saved = await updateMove(moveView.id, { styles: ["Salsa"], difficulty: 4 });
    const call = callInit(fetchMock);
    expect(call).toMatchObject({ url: `/api/v1/moves/${moveView.id}`, method: "PATCH" });
    expect(JSON.parse(String(call.body))).toEqual({ styles: ["Salsa"], difficulty: 4 });
    expect(saved.styles).toEqual(["salsa"]);
  });

  it("turns the validation problem into the field's message", async () => {
    stubFetch(problem(400, "The update is not valid; see errors.", { errors: { difficulty: ["difficulty is 1 (easiest) to 5."] } }));
    await expect(updateMove("m1", { difficulty: 9 })).rejects.toThrow("The update is not valid. difficulty is 1 (easiest) to 5.");
  });
});

describe("links and deleting", () => {
  it("asks for the clip's and the thumbnail's links by name", async () => {
    const fetchMock = stubFetch(json({ url: "http://blobs.test/c.mp4?sig", expiresAt: "2026-03-01T10:10:00Z" }));
    await getMoveLink("m1", "clip");
    await getMoveLink("m1", "thumbnail");
    expect(callInit(fetchMock, 0).url).toBe("/api/v1/moves/m1/clip/link");
    expect(callInit(fetchMock, 1).url).toBe("/api/v1/moves/m1/thumbnail/link");
  });

  it("deletes with DELETE and passes on a 404", async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }), problem(404, "No move m1."));
    await deleteMove("m1");
    expect(callInit(fetchMock)).toMatchObject({ url: "/api/v1/moves/m1", method: "DELETE" });
    await expect(deleteMove("m1")).rejects.toMatchObject({ httpStatus: 404, message: "No move m1." });
  });
});
