import { describe, expect, it } from "vitest";
import { fromSongRequest, type FromSongFields } from "./choreography-form";

const fields: FromSongFields = { songId: "s1", difficulty: 3, energyLevel: "", style: "", length: "", transition: "cut" };

describe("fromSongRequest", () => {
  it("leaves blanks out so the api follows the song and uses all of it", () => {
    expect(fromSongRequest(fields)).toEqual({ request: { songId: "s1", difficulty: 3, transition: "cut" } });
  });

  it("sends the energy, the trimmed style and the length in seconds when given", () => {
    expect(fromSongRequest({ ...fields, energyLevel: "high", style: "  salsa ", length: " 90 ", transition: "crossfade" })).toEqual({
      request: { songId: "s1", difficulty: 3, energyLevel: "high", style: "salsa", durationSeconds: 90, transition: "crossfade" },
    });
  });

  it("refuses a length outside the api's limits and a missing song", () => {
    for (const length of ["0", "1201", "abc"]) expect(fromSongRequest({ ...fields, length })).toHaveProperty("error");
    expect(fromSongRequest({ ...fields, songId: "" })).toEqual({ error: "Choose a song first." });
  });
});
