// Songs: upload one (multipart through the gateway, with progress), follow its analysis, read its tempo,
// beats and sections, play it, delete it. Shapes follow the api's SongContracts.cs.

import { ANALYSIS_STATES, parseArtifactLink, type AnalysisState, type ArtifactLink } from "./analyses";
import {
  expectRecord,
  readArray,
  readNumber,
  readNumberArray,
  readOneOf,
  readOptionalNumber,
  readOptionalString,
  readPage,
  readString,
  requestJson,
  requestNoContent,
} from "./http";
import { postMultipart, type UploadCallbacks } from "./xhr";

// A song goes through the same upload states as an analysis (the api's UploadViews.PublicState).
export const SONG_STATES = ANALYSIS_STATES;
export type SongState = AnalysisState;

export interface AudioFacts {
  durationSeconds: number;
  codec: string;
  sampleRate: number;
  channels: number;
}

export interface SongSection {
  index: number;
  startSeconds: number;
  endSeconds: number;
  /** Loudness 0..100, relative to the song's loudest moment. */
  energy: number;
}

export interface SongAnalysis {
  durationSeconds: number;
  tempoBpm: number;
  beats: number[];
  downbeats: number[];
  barSeconds: number;
  sections: SongSection[];
  energyCurveSeconds: number;
  energyCurve: number[];
}

export interface SongView {
  id: string;
  state: SongState;
  progress: number;
  stage: string | null;
  error: string | null;
  errorCode: string | null;
  title: string;
  fileName: string;
  sizeBytes: number;
  audio: AudioFacts | null;
  jobId: string | null;
  tempoBpm: number | null;
  /** Only when one song is asked for, and only once it is analyzed. */
  analysis: SongAnalysis | null;
  createdAt: string;
  submittedAt: string | null;
  finishedAt: string | null;
}

export interface SongPage {
  items: SongView[];
  pageNumber: number;
  pageSize: number;
  total: number;
}

const base = "/api/v1/songs";

/** POST /api/v1/songs as multipart/form-data: a 'file' part and an optional title; the analysis is queued at once. */
export function uploadSong(file: File, { title }: { title?: string } = {}, callbacks: UploadCallbacks = {}): Promise<SongView> {
  const form = new FormData();
  // A blank title is left out, so the api names the song after its file.
  if (title?.trim()) form.append("title", title.trim());
  form.append("file", file, file.name);
  return postMultipart(base, form, parseSongView, callbacks);
}

export function listSongs({ page = 1, pageSize = 20 } = {}, signal?: AbortSignal): Promise<SongPage> {
  return requestJson(`${base}?page=${page}&pageSize=${pageSize}`, parseSongPage, { signal });
}

export function getSong(id: string, signal?: AbortSignal): Promise<SongView> {
  return requestJson(`${base}/${encodeURIComponent(id)}`, parseSongView, { signal });
}

/** GET /api/v1/songs/{id}/audio/link: a short-lived read link for an audio element (409 before the upload is accepted). */
export function getSongAudioLink(id: string, signal?: AbortSignal): Promise<ArtifactLink> {
  return requestJson(`${base}/${encodeURIComponent(id)}/audio/link`, parseArtifactLink, { signal });
}

export function deleteSong(id: string, signal?: AbortSignal): Promise<void> {
  return requestNoContent(`${base}/${encodeURIComponent(id)}`, { method: "DELETE", signal });
}

export function parseSongView(body: unknown): SongView {
  const what = "Song";
  const record = expectRecord(body, what);
  return {
    id: readString(record, "id", what),
    state: readOneOf(record, "state", SONG_STATES, what),
    progress: readNumber(record, "progress", what),
    stage: readOptionalString(record, "stage"),
    error: readOptionalString(record, "error"),
    errorCode: readOptionalString(record, "errorCode"),
    title: readString(record, "title", what),
    fileName: readString(record, "fileName", what),
    sizeBytes: readNumber(record, "sizeBytes", what),
    audio: record.audio == null ? null : parseAudioFacts(record.audio),
    jobId: readOptionalString(record, "jobId"),
    tempoBpm: readOptionalNumber(record, "tempoBpm"),
    analysis: record.analysis == null ? null : parseSongAnalysis(record.analysis),
    createdAt: readString(record, "createdAt", what),
    submittedAt: readOptionalString(record, "submittedAt"),
    finishedAt: readOptionalString(record, "finishedAt"),
  };
}

function parseAudioFacts(body: unknown): AudioFacts {
  const what = "Song audio";
  const record = expectRecord(body, what);
  return {
    durationSeconds: readNumber(record, "durationSeconds", what),
    codec: readString(record, "codec", what),
    sampleRate: readNumber(record, "sampleRate", what),
    channels: readNumber(record, "channels", what),
  };
}

export function parseSongAnalysis(body: unknown): SongAnalysis {
  const what = "Song analysis";
  const record = expectRecord(body, what);
  return {
    durationSeconds: readNumber(record, "durationSeconds", what),
    tempoBpm: readNumber(record, "tempoBpm", what),
    beats: readNumberArray(record, "beats"),
    downbeats: readNumberArray(record, "downbeats"),
    barSeconds: readNumber(record, "barSeconds", what),
    sections: readArray(record, "sections", what).map(parseSection),
    energyCurveSeconds: readNumber(record, "energyCurveSeconds", what),
    energyCurve: readNumberArray(record, "energyCurve"),
  };
}

function parseSection(body: unknown): SongSection {
  const what = "Song section";
  const record = expectRecord(body, what);
  return {
    index: readNumber(record, "index", what),
    startSeconds: readNumber(record, "startSeconds", what),
    endSeconds: readNumber(record, "endSeconds", what),
    energy: readNumber(record, "energy", what),
  };
}

export function parseSongPage(body: unknown): SongPage {
  return readPage(body, "Songs page", parseSongView);
}
