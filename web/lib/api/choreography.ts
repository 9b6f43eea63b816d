// Choreography: a dance planned for one of the caller's songs (chosen, or described in words) from their
// move library, then assembled into a video. Shapes follow the api's ChoreographyContracts.cs; the
// blueprint is snake_case on the wire (blueprint.schema.json) and read here into camelCase.

import {
  expectRecord,
  isRecord,
  readArray,
  readNumber,
  readOneOf,
  readOptionalNumber,
  readOptionalString,
  readPage,
  readString,
  requestJson,
  requestNoContent,
} from "./http";

export const CHOREOGRAPHY_STATES = ["queued", "running", "completed", "failed", "canceled"] as const;
export type ChoreographyState = (typeof CHOREOGRAPHY_STATES)[number];

export const ENERGY_LEVELS = ["low", "medium", "high"] as const;
export type EnergyLevel = (typeof ENERGY_LEVELS)[number];

export const TRANSITIONS = ["cut", "crossfade", "fade_black"] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** POST /api/v1/choreography/from-song. Absent energy follows the song; absent length is the whole song. */
export interface FromSongRequest {
  songId: string;
  /** 1 (easiest) to 5. */
  difficulty: number;
  energyLevel?: EnergyLevel;
  style?: string;
  durationSeconds?: number;
  transition: Transition;
}

export interface BlueprintMove {
  /** The move's id in the library. */
  clipId: string;
  startTime: number;
  duration: number;
  transitionType: Transition;
}

export interface ChoreographyBlueprint {
  moves: BlueprintMove[];
  totalDuration: number;
  tempo: number | null;
  difficultyLevel: number | null;
}

export interface AssembledVideo {
  durationSeconds: number;
  sizeBytes: number;
}

export interface ChoreographyView {
  id: string;
  /** How it was made: song, description, blueprint or composition. */
  source: string;
  state: ChoreographyState;
  progress: number;
  stage: string | null;
  error: string | null;
  songId: string | null;
  blueprint: ChoreographyBlueprint | null;
  video: AssembledVideo | null;
  /** A short-lived link to the MP4, once completed. */
  videoUrl: string | null;
  videoUrlExpiresAt: string | null;
  jobId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ChoreographyPage {
  items: ChoreographyView[];
  pageNumber: number;
  pageSize: number;
  total: number;
}

const base = "/api/v1/choreography";

export function createFromSong(request: FromSongRequest, signal?: AbortSignal): Promise<ChoreographyView> {
  return requestJson(`${base}/from-song`, parseChoreographyView, { method: "POST", body: request, signal });
}

/** POST /api/v1/choreography/from-description: the api reads the knobs from the words and picks one of the caller's songs. */
export function createFromDescription(query: string, signal?: AbortSignal): Promise<ChoreographyView> {
  return requestJson(`${base}/from-description`, parseChoreographyView, { method: "POST", body: { query }, signal });
}

export function listChoreographies({ page = 1, pageSize = 20 } = {}, signal?: AbortSignal): Promise<ChoreographyPage> {
  return requestJson(`${base}?page=${page}&pageSize=${pageSize}`, parseChoreographyPage, { signal });
}

export function getChoreography(id: string, signal?: AbortSignal): Promise<ChoreographyView> {
  return requestJson(`${base}/${encodeURIComponent(id)}`, parseChoreographyView, { signal });
}

export function deleteChoreography(id: string, signal?: AbortSignal): Promise<void> {
  return requestNoContent(`${base}/${encodeURIComponent(id)}`, { method: "DELETE", signal });
}

/** Whether the choreography can still change (so the pages keep asking). */
export function isChoreographyInProgress(state: ChoreographyState): boolean {
  return state === "queued" || state === "running";
}

export function parseChoreographyView(body: unknown): ChoreographyView {
  const what = "Choreography";
  const record = expectRecord(body, what);
  return {
    id: readString(record, "id", what),
    source: readString(record, "source", what),
    state: readOneOf(record, "state", CHOREOGRAPHY_STATES, what),
    progress: readNumber(record, "progress", what),
    stage: readOptionalString(record, "stage"),
    error: readOptionalString(record, "error"),
    songId: readOptionalString(record, "songId"),
    blueprint: isRecord(record.blueprint) ? parseBlueprint(record.blueprint) : null,
    video: isRecord(record.video) ? parseAssembledVideo(record.video) : null,
    videoUrl: readOptionalString(record, "videoUrl"),
    videoUrlExpiresAt: readOptionalString(record, "videoUrlExpiresAt"),
    jobId: readOptionalString(record, "jobId"),
    createdAt: readString(record, "createdAt", what),
    finishedAt: readOptionalString(record, "finishedAt"),
  };
}

export function parseBlueprint(body: unknown): ChoreographyBlueprint {
  const what = "Blueprint";
  const record = expectRecord(body, what);
  const audio = isRecord(record.audio) ? record.audio : {};
  return {
    moves: readArray(record, "moves", what).map(parseBlueprintMove),
    totalDuration: readNumber(record, "total_duration", what),
    tempo: readOptionalNumber(audio, "tempo"),
    difficultyLevel: readOptionalNumber(record, "difficulty_level"),
  };
}

function parseBlueprintMove(body: unknown): BlueprintMove {
  const what = "Blueprint move";
  const record = expectRecord(body, what);
  return {
    clipId: readString(record, "clip_id", what),
    startTime: readNumber(record, "start_time", what),
    duration: readNumber(record, "duration", what),
    transitionType: readOneOf(record, "transition_type", TRANSITIONS, what),
  };
}

function parseAssembledVideo(record: Record<string, unknown>): AssembledVideo {
  const what = "Choreography video";
  return { durationSeconds: readNumber(record, "durationSeconds", what), sizeBytes: readNumber(record, "sizeBytes", what) };
}

export function parseChoreographyPage(body: unknown): ChoreographyPage {
  return readPage(body, "Choreographies page", parseChoreographyView);
}
