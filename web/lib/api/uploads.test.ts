import { afterEach, describe, expect, it, vi } from "vitest";
import { queuedView } from "./fixtures";
import { saveSession } from "./session";
import { callInit, json, stubFetch, stubWindow, stubXhr } from "./test-support";
import { readApiAnswer, uploadVideo, type UploadPhase } from "./uploads";

afterEach(() => {
  vi.unstubAllGlobals();
});

const ticket = {
  analysisId: "a1",
  uploadUrl: "http://blobs.test/analyses/a1/original?sig=w",
  expiresAt: "2026-03-01T10:15:00Z",
  requiredHeaders: { "x-ms-blob-type": "BlockBlob", "Content-Type": "video/mp4" },
};
const video = () => new File([new Uint8Array(2048)], "salsa.mp4", { type: "video/mp4" });
const options = { model: "movenet-thunder" as const, overlay: true };

describe("uploadVideo", () => {
  it("gets a link, PUTs the file to storage with the required headers, then confirms", async () => {
    const fetchMock = stubFetch(json(ticket, 201), json(queuedView, 202));
    const puts = stubXhr(() => ({ status: 201 }));
    const phases: UploadPhase[] = [];
    const progress = vi.fn();

    const view = await uploadVideo(video(), options, { onPhase: (p) => phases.push(p), onProgress: progress });

    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ method: "PUT", url: ticket.uploadUrl, headers: ticket.requiredHeaders });
    expect(progress).toHaveBeenCalledWith({ loaded: 2048, total: 2048 });
    expect(callInit(fetchMock, 1)).toMatchObject({ url: "/api/v1/analyses/a1/confirm", method: "POST" });
    expect(phases).toEqual(["preparing", "uploading", "checking"]);
    expect(view.state).toBe("queued");
  });

  it("goes through the gateway as multipart when storage cannot be reached from the browser", async () => {
    stubWindow();
    saveSession({ accessToken: "jwt", expiresAt: "2999-01-01T00:00:00Z", email: "a@b.c" });
    const fetchMock = stubFetch(json(ticket, 201), new Response(null, { status: 204 }));
    const calls = stubXhr((call) => (call.method === "PUT" ? "network-error" : { status: 202, text: JSON.stringify(queuedView) }));

    const view = await uploadVideo(video(), options);

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`PUT ${ticket.uploadUrl}`, "POST /api/v1/analyses"]);
    const form = calls[1].body as FormData;
    expect(form.get("model")).toBe("movenet-thunder");
    expect(form.get("overlay")).toBe("true");
    expect((form.get("file") as File).name).toBe("salsa.mp4");
    expect(calls[1].headers.Authorization).toBe("Bearer jwt");
    // The link's unused analysis is deleted rather than left for the sweeper.
    expect(callInit(fetchMock, 1)).toMatchObject({ url: "/api/v1/analyses/a1", method: "DELETE" });
    expect(view.state).toBe("queued");
  });

  it("says the link may have expired when storage answers 403", async () => {
    stubFetch(json(ticket, 201));
    stubXhr(() => ({ status: 403, text: "<Error/>" }));
    await expect(uploadVideo(video(), options)).rejects.toThrow(/HTTP 403 \(the upload link may have expired\)/);
  });

  it("shows the confirm's rejection in the api's words", async () => {
    stubFetch(json(ticket, 201), json({ title: "Video rejected", status: 422, detail: "This is a still image, not a video.", code: "still_image" }, 422));
    stubXhr(() => ({ status: 201 }));
    await expect(uploadVideo(video(), options)).rejects.toMatchObject({ code: "still_image", message: "This is a still image, not a video." });
  });
});

describe("readApiAnswer", () => {
  it("reads a multipart upload's problem like any other call", () => {
    const body = JSON.stringify({ title: "Not enough coins", status: 402, detail: "An analysis costs 1 coin and your balance is 0.", code: "not_enough_coins" });
    expect(() => readApiAnswer(402, body, true)).toThrow("An analysis costs 1 coin and your balance is 0.");
  });

  it("fails a success without JSON", () => {
    expect(() => readApiAnswer(202, "", true)).toThrow(/without JSON/);
  });
});
