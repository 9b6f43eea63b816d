// Moves: the caller's move library (moves cut from their analyzed videos): list, tag, rate, delete, and
// short-lived links to each move's clip and thumbnail. Shapes follow the api's MoveContracts.cs.

import { parseArtifactLink, type ArtifactLink } from "./analyses";
import { expectRecord, readNumber, readPage, readString, readStringArray, requestJson, requestNoContent } from "./http";

export const MOVE_FILES = ["clip", "thumbnail"] as const;
export type MoveFile = (typeof MOVE_FILES)[number];

/** The api's limits on a move's tags (MovesApi.cs), checked here too so the form can say so before sending. */
export const MAX_STYLES = 16;
export const MAX_STYLE_LENGTH = 40;

export interface MoveView {
  id: string;
  name: string;
  analysisId: string;
  segmentIndex: number;
  startSeconds: number;
  durationSeconds: number;
  movementType: string;
  /** 0..100. */
  energy: number;
  /** 1 (easiest) to 5. */
  difficulty: number;
  styles: string[];
  createdAt: string;
  updatedAt: string;
}

export interface MovePage {
  items: MoveView[];
  pageNumber: number;
  pageSize: number;
  total: number;
}

/** What PATCH may change; an absent field stays as it is. */
export interface MoveUpdate {
  name?: string;
  styles?: string[];
  difficulty?: number;
}

const base = "/api/v1/moves";

export function listMoves({ page = 1, pageSize = 20, style }: { page?: number; pageSize?: number; style?: string } = {}, signal?: AbortSignal): Promise<MovePage> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (style) query.set("style", style);
  return requestJson(`${base}?${query}`, parseMovePage, { signal });
}

/** PATCH /api/v1/moves/{id}: the api keeps tags trimmed, lower-case and unique, and answers with the move as saved. */
export function updateMove(id: string, update: MoveUpdate, signal?: AbortSignal): Promise<MoveView> {
  return requestJson(`${base}/${encodeURIComponent(id)}`, parseMoveView, { method: "PATCH", body: update, signal });
}

export function deleteMove(id: string, signal?: AbortSignal): Promise<void> {
  return requestNoContent(`${base}/${encodeURIComponent(id)}`, { method: "DELETE", signal });
}

/** GET /api/v1/moves/{id}/{clip|thumbnail}/link: a short-lived read link for a video or img element. */
export function getMoveLink(id: string, file: MoveFile, signal?: AbortSignal): Promise<ArtifactLink> {
  return requestJson(`${base}/${encodeURIComponent(id)}/${file}/link`, parseArtifactLink, { signal });
}

export function parseMoveView(body: unknown): MoveView {
  const what = "Move";
  const record = expectRecord(body, what);
  return {
    id: readString(record, "id", what),
    name: readString(record, "name", what),
    analysisId: readString(record, "analysisId", what),
    segmentIndex: readNumber(record, "segmentIndex", what),
    startSeconds: readNumber(record, "startSeconds", what),
    durationSeconds: readNumber(record, "durationSeconds", what),
    movementType: readString(record, "movementType", what),
    energy: readNumber(record, "energy", what),
    difficulty: readNumber(record, "difficulty", what),
    styles: readStringArray(record, "styles"),
    createdAt: readString(record, "createdAt", what),
    updatedAt: readString(record, "updatedAt", what),
  };
}

export function parseMovePage(body: unknown): MovePage {
  return readPage(body, "Moves page", parseMoveView);
}
