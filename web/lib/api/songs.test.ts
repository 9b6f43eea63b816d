import { afterEach, describe, expect, it, vi } from "vitest";
import { songView } from "./fixtures";
import { saveSession } from "./session";
import { deleteSong, getSong, getSongAudioLink, listSongs, parseSongView, uploadSong } from "./songs";
import { callInit, json, problem, stubFetch, stubWindow, stubXhr } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

const audio = () => new File([new Uint8Array(1024)], "summer_salsa.mp3", { type: "audio/mpeg" });
const queuedSong = { ...songView, state: "queued", progress: 0, stage: null, tempoBpm: null, analysis: null };

describe("uploadSong", () => {
  it("posts the file and the title as multipart with the token, reporting progress", async () => {
    stubWindow();
    saveSession({ accessToken: "jwt", expiresAt: "2999-01-01T00:00:00Z", email: "a@b.c" });
    const calls = stubXhr(() => ({ status: 202, text: JSON.stringify(queuedSong) }));
    const progress = vi.fn();

    const view = await uploadSong(audio(), { title: "  Summer salsa " }, { onProgress: progress });

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "POST", url: "/api/v1/songs" });
    expect(calls[0].headers.Authorization).toBe("Bearer jwt");
    const form = calls[0].body as FormData;
    expect(form.get("title")).toBe("Summer salsa");
    expect((form.get("file") as File).name).toBe("summer_salsa.mp3");
    expect(progress).toHaveBeenCalled();
    expect(view.state).toBe("queued");
    expect(view.analysis).toBeNull();
  });

  it("leaves a blank title out so the api names the song after its file", async () => {
    const calls = stubXhr(() => ({ status: 202, text: JSON.stringify(queuedSong) }));
    await uploadSong(audio(), { title: "   " });
    expect((calls[0].body as FormData).has("title")).toBe(false);
  });

  it("fails a rejected song with the api's detail and code", async () => {
    stubXhr(() => ({
      status: 422,
      text: JSON.stringify({ title: "Song rejected", status: 422, detail: "The song is 25 minutes long; the limit is 20 minutes.", code: "too_long" }),
    }));
    await expect(uploadSong(audio())).rejects.toMatchObject({ httpStatus: 422, code: "too_long", message: "The song is 25 minutes long; the limit is 20 minutes." });
  });
});

describe("reading songs", () => {
  it("lists a page with the query the api expects", async () => {
    const fetchMock = stubFetch(json({ items: [{ ...songView, analysis: null }, queuedSong], pageNumber: 1, pageSize: 50, total: 2 }));
    const page = await listSongs({ pageSize: 50 });
    expect(callInit(fetchMock).url).toBe("/api/v1/songs?page=1&pageSize=50");
    expect(page.items.map((s) => [s.state, s.tempoBpm])).toEqual([
      ["completed", 120.2],
      ["queued", null],
    ]);
  });

  it("reads one song's analysis: beats, sections and energy curve", async () => {
    const fetchMock = stubFetch(json(songView));
    const song = await getSong(songView.id);
    expect(callInit(fetchMock).url).toBe(`/api/v1/songs/${songView.id}`);
    expect(song.audio).toEqual({ durationSeconds: 182.4, codec: "mp3", sampleRate: 44100, channels: 2 });
    expect(song.analysis?.beats).toHaveLength(4);
    expect(song.analysis?.sections[1]).toEqual({ index: 1, startSeconds: 60, endSeconds: 182.4, energy: 88 });
    expect(song.analysis?.energyCurve).toEqual([0, 12.5, 40, 100]);
  });

  it("rejects a state the client does not know", () => {
    expect(() => parseSongView({ ...songView, state: "melting" })).toThrow(/unknown state/);
  });

  it("fails a missing song with the 404's detail", async () => {
    stubFetch(problem(404, "No song s1."));
    await expect(getSong("s1")).rejects.toMatchObject({ httpStatus: 404, message: "No song s1." });
  });
});

describe("audio and deleting", () => {
  it("asks for the audio's read link", async () => {
    const fetchMock = stubFetch(json({ url: "http://blobs.test/songs/s1/original?sig", expiresAt: "2026-03-02T10:10:00Z" }));
    const link = await getSongAudioLink("s1");
    expect(callInit(fetchMock).url).toBe("/api/v1/songs/s1/audio/link");
    expect(link.url).toBe("http://blobs.test/songs/s1/original?sig");
  });

  it("says why there is no audio yet", async () => {
    stubFetch(problem(409, "Song s1 has no accepted upload.", { code: "not_uploaded" }));
    await expect(getSongAudioLink("s1")).rejects.toMatchObject({ code: "not_uploaded", message: "Song s1 has no accepted upload." });
  });

  it("deletes with DELETE and accepts the 204", async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await deleteSong("s/1");
    expect(callInit(fetchMock)).toMatchObject({ url: "/api/v1/songs/s%2F1", method: "DELETE" });
  });
});
