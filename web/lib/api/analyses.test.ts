import { afterEach, describe, expect, it, vi } from "vitest";
import {
  confirmUpload,
  createUploadUrl,
  deleteAnalysis,
  getAnalysis,
  getArtifactLink,
  isInProgress,
  listAnalyses,
  parseAnalysisView,
} from "./analyses";
import { analysisView, queuedView } from "./fixtures";
import { callInit, json, problem, stubFetch } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createUploadUrl", () => {
  it("describes the file and the options, and reads the ticket", async () => {
    const fetchMock = stubFetch(
      json(
        { analysisId: "a1", uploadUrl: "http://blobs.test/c/a1?sig=x", expiresAt: "2026-03-01T10:15:00Z", requiredHeaders: { "x-ms-blob-type": "BlockBlob" } },
        201,
      ),
    );
    const ticket = await createUploadUrl({ name: "salsa.mp4", type: "video/mp4", size: 42 }, { model: "blazepose", overlay: false });

    const call = callInit(fetchMock);
    expect(call.url).toBe("/api/v1/analyses/upload-url");
    expect(call.method).toBe("POST");
    expect(JSON.parse(String(call.body))).toEqual({
      fileName: "salsa.mp4",
      contentType: "video/mp4",
      sizeBytes: 42,
      options: { model: "blazepose", overlay: false },
    });
    expect(ticket.requiredHeaders).toEqual({ "x-ms-blob-type": "BlockBlob" });
  });

  it("sends application/octet-stream when the browser does not know the file's type", async () => {
    const fetchMock = stubFetch(json({ analysisId: "a", uploadUrl: "u", expiresAt: "e", requiredHeaders: {} }, 201));
    await createUploadUrl({ name: "clip.mkv", type: "", size: 1 }, { model: "movenet-lightning", overlay: true });
    expect(JSON.parse(String(callInit(fetchMock).body)).contentType).toBe("application/octet-stream");
  });

  it("turns a validation problem into a message with the field's error", async () => {
    stubFetch(
      problem(400, "The upload request is not valid; see errors.", { errors: { sizeBytes: ["The file is 3 GiB; the limit is 2 GiB."] } }),
    );
    await expect(createUploadUrl({ name: "big.mp4", type: "video/mp4", size: 3 * 2 ** 30 }, { model: "movenet-lightning", overlay: true })).rejects.toThrow(
      "The upload request is not valid. The file is 3 GiB; the limit is 2 GiB.",
    );
  });
});

describe("confirmUpload", () => {
  it("posts to the analysis's confirm path and reads the queued view", async () => {
    const fetchMock = stubFetch(json(queuedView, 202));
    const view = await confirmUpload("a/1");
    expect(callInit(fetchMock).url).toBe("/api/v1/analyses/a%2F1/confirm");
    expect(view.state).toBe("queued");
    expect(view.summary).toBeNull();
  });

  it("passes on the rejection's code and detail", async () => {
    stubFetch(problem(422, "The video is 14 minutes long; the limit is 10 minutes.", { code: "too_long", analysisId: "a1" }));
    const error = await confirmUpload("a1").catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 422, code: "too_long", message: "The video is 14 minutes long; the limit is 10 minutes." });
  });
});

describe("reading analyses", () => {
  it("lists a page with the query the api expects", async () => {
    const fetchMock = stubFetch(json({ items: [analysisView, queuedView], pageNumber: 2, pageSize: 10, total: 12 }));
    const page = await listAnalyses({ page: 2, pageSize: 10 });
    expect(callInit(fetchMock).url).toBe("/api/v1/analyses?page=2&pageSize=10");
    expect(page.items.map((i) => i.state)).toEqual(["completed", "queued"]);
    expect(page.total).toBe(12);
  });

  it("reads a completed analysis with its video facts and summary", async () => {
    stubFetch(json(analysisView));
    const view = await getAnalysis(analysisView.id);
    expect(view.video).toEqual({ durationSeconds: 12.5, width: 720, height: 1280, frameRate: 30, codec: "h264" });
    expect(view.summary?.estimatedBpm).toBeCloseTo(118.4);
  });

  it("keeps a summary without a tempo as a null BPM", () => {
    const view = parseAnalysisView({ ...analysisView, summary: { ...analysisView.summary, estimatedBpm: null } });
    expect(view.summary?.estimatedBpm).toBeNull();
  });

  it("rejects a state the client does not know", () => {
    expect(() => parseAnalysisView({ ...analysisView, state: "exploded" })).toThrow(/unknown state/);
  });

  it("fails a missing analysis with the 404's detail", async () => {
    stubFetch(problem(404, "No analysis x."));
    await expect(getAnalysis("x")).rejects.toMatchObject({ httpStatus: 404, message: "No analysis x." });
  });
});

describe("artifacts and deleting", () => {
  it("asks for an artifact's link by name", async () => {
    const fetchMock = stubFetch(json({ url: "http://blobs.test/t.jpg?sig", expiresAt: "2026-03-01T10:10:00Z" }));
    const link = await getArtifactLink("a1", "thumbnail");
    expect(callInit(fetchMock).url).toBe("/api/v1/analyses/a1/artifacts/thumbnail/link");
    expect(link.url).toBe("http://blobs.test/t.jpg?sig");
  });

  it("deletes with DELETE and accepts the 204", async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await deleteAnalysis("a1");
    expect(callInit(fetchMock)).toMatchObject({ url: "/api/v1/analyses/a1", method: "DELETE" });
  });
});

describe("isInProgress", () => {
  it("is true only while the analysis can still change", () => {
    expect(["awaiting_upload", "queued", "running"].every((s) => isInProgress(s as never))).toBe(true);
    expect(["rejected", "completed", "failed", "canceled"].some((s) => isInProgress(s as never))).toBe(false);
  });
});
