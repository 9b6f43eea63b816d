// The "from a song" form's fields as the api's request: blanks left out (so the api's defaults apply),
// numbers read and checked against the api's limits (PlanRequestRules.cs) before anything is sent.

import type { EnergyLevel, FromSongRequest, Transition } from "@/lib/api";

export const MAX_LENGTH_SECONDS = 20 * 60;

export interface FromSongFields {
  songId: string;
  difficulty: number;
  /** "" follows the song's own energy. */
  energyLevel: EnergyLevel | "";
  style: string;
  /** Seconds as typed; "" is the whole song. */
  length: string;
  transition: Transition;
}

export function fromSongRequest(fields: FromSongFields): { request: FromSongRequest } | { error: string } {
  if (!fields.songId) return { error: "Choose a song first." };
  const request: FromSongRequest = { songId: fields.songId, difficulty: fields.difficulty, transition: fields.transition };
  if (fields.energyLevel) request.energyLevel = fields.energyLevel;
  const style = fields.style.trim();
  if (style) request.style = style;
  const length = fields.length.trim();
  if (length) {
    const seconds = Number(length);
    if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_LENGTH_SECONDS) {
      return { error: `The length is 1 to ${MAX_LENGTH_SECONDS} seconds, or blank for the whole song.` };
    }
    request.durationSeconds = seconds;
  }
  return { request };
}
