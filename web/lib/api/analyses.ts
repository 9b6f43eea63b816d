// Analyses: start one (upload link, or multipart through the gateway), follow it, read its
// results and artifacts, delete it. Shapes follow the api's AnalysisContracts.cs.

import {
  expectRecord,
  readBoolean,
  readNumber,
  readOneOf,
  readOptionalNumber,
  readOptionalString,
  readPage,
  readString,
  readStringArray,
  requestJson,
  requestNoContent,
} from "./http";

export const POSE_MODELS = ["movenet-lightning", "movenet-thunder", "blazepose"] as const;
export type PoseModel = (typeof POSE_MODELS)[number];

export const ANALYSIS_STATES = ["awaiting_upload", "rejected", "queued", "running", "completed", "failed", "canceled"] as const;
export type AnalysisState = (typeof ANALYSIS_STATES)[number];

export const ARTIFACTS = ["overlay", "keypoints", "thumbnail", "original"] as const;
export type Artifact = (typeof ARTIFACTS)[number];

export interface AnalysisOptions {
  model: PoseModel;
  overlay: boolean;
}

export interface UploadTicket {
  analysisId: string;
  uploadUrl: string;
  expiresAt: string;
  requiredHeaders: Record<string, string>;
}

export interface VideoFacts {
  durationSeconds: number;
  width: number;
  height: number;
  frameRate: number;
  codec: string;
}

export interface AnalysisSummary {
  totalFrames: number;
  detectionRate: number;
  movementType: string;
  intensity: number;
  estimatedBpm: number | null;
  smoothnessScore: number;
  durationSeconds: number;
  processingTimeSeconds: number;
  artifacts: string[];
  notes: string[];
}

export interface AnalysisView {
  id: string;
  state: AnalysisState;
  progress: number;
  stage: string | null;
  error: string | null;
  errorCode: string | null;
  model: string;
  overlay: boolean;
  fileName: string;
  sizeBytes: number;
  video: VideoFacts | null;
  jobId: string | null;
  summary: AnalysisSummary | null;
  createdAt: string;
  submittedAt: string | null;
  finishedAt: string | null;
}

export interface AnalysisPage {
  items: AnalysisView[];
  pageNumber: number;
  pageSize: number;
  total: number;
}

export interface ArtifactLink {
  url: string;
  expiresAt: string;
}

const base = "/api/v1/analyses";

/** POST /api/v1/analyses/upload-url: a write-only link to PUT the video to, then confirm. */
export function createUploadUrl(file: { name: string; type: string; size: number }, options: AnalysisOptions, signal?: AbortSignal): Promise<UploadTicket> {
  const body = {
    fileName: file.name,
    // Browsers leave the type empty for extensions they do not know (.mkv on some systems).
    contentType: file.type || "application/octet-stream",
    sizeBytes: file.size,
    options,
  };
  return requestJson(`${base}/upload-url`, parseUploadTicket, { method: "POST", body, signal });
}

/** POST /api/v1/analyses/{id}/confirm: the api checks the uploaded file and queues its analysis. */
export function confirmUpload(id: string, signal?: AbortSignal): Promise<AnalysisView> {
  return requestJson(`${base}/${encodeURIComponent(id)}/confirm`, parseAnalysisView, { method: "POST", signal });
}

export function listAnalyses({ page = 1, pageSize = 20 } = {}, signal?: AbortSignal): Promise<AnalysisPage> {
  return requestJson(`${base}?page=${page}&pageSize=${pageSize}`, parseAnalysisPage, { signal });
}

export function getAnalysis(id: string, signal?: AbortSignal): Promise<AnalysisView> {
  return requestJson(`${base}/${encodeURIComponent(id)}`, parseAnalysisView, { signal });
}

/** GET /api/v1/analyses/{id}/artifacts/{artifact}/link: a short-lived read link for a video or img element. */
export function getArtifactLink(id: string, artifact: Artifact, signal?: AbortSignal): Promise<ArtifactLink> {
  return requestJson(`${base}/${encodeURIComponent(id)}/artifacts/${artifact}/link`, parseArtifactLink, { signal });
}

export function deleteAnalysis(id: string, signal?: AbortSignal): Promise<void> {
  return requestNoContent(`${base}/${encodeURIComponent(id)}`, { method: "DELETE", signal });
}

export function parseUploadTicket(body: unknown): UploadTicket {
  const what = "Upload ticket";
  const record = expectRecord(body, what);
  const headers = record.requiredHeaders;
  const requiredHeaders: Record<string, string> = {};
  if (typeof headers === "object" && headers !== null) {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === "string") requiredHeaders[name] = value;
    }
  }
  return {
    analysisId: readString(record, "analysisId", what),
    uploadUrl: readString(record, "uploadUrl", what),
    expiresAt: readString(record, "expiresAt", what),
    requiredHeaders,
  };
}

export function parseAnalysisView(body: unknown): AnalysisView {
  const what = "Analysis";
  const record = expectRecord(body, what);
  return {
    id: readString(record, "id", what),
    state: readOneOf(record, "state", ANALYSIS_STATES, what),
    progress: readNumber(record, "progress", what),
    stage: readOptionalString(record, "stage"),
    error: readOptionalString(record, "error"),
    errorCode: readOptionalString(record, "errorCode"),
    model: readString(record, "model", what),
    overlay: readBoolean(record, "overlay", what),
    fileName: readString(record, "fileName", what),
    sizeBytes: readNumber(record, "sizeBytes", what),
    video: record.video == null ? null : parseVideoFacts(record.video),
    jobId: readOptionalString(record, "jobId"),
    summary: record.summary == null ? null : parseSummary(record.summary),
    createdAt: readString(record, "createdAt", what),
    submittedAt: readOptionalString(record, "submittedAt"),
    finishedAt: readOptionalString(record, "finishedAt"),
  };
}

function parseVideoFacts(body: unknown): VideoFacts {
  const what = "Analysis video";
  const record = expectRecord(body, what);
  return {
    durationSeconds: readNumber(record, "durationSeconds", what),
    width: readNumber(record, "width", what),
    height: readNumber(record, "height", what),
    frameRate: readNumber(record, "frameRate", what),
    codec: readString(record, "codec", what),
  };
}

function parseSummary(body: unknown): AnalysisSummary {
  const what = "Analysis summary";
  const record = expectRecord(body, what);
  return {
    totalFrames: readNumber(record, "totalFrames", what),
    detectionRate: readNumber(record, "detectionRate", what),
    movementType: readString(record, "movementType", what),
    intensity: readNumber(record, "intensity", what),
    estimatedBpm: readOptionalNumber(record, "estimatedBpm"),
    smoothnessScore: readNumber(record, "smoothnessScore", what),
    durationSeconds: readNumber(record, "durationSeconds", what),
    processingTimeSeconds: readNumber(record, "processingTimeSeconds", what),
    artifacts: readStringArray(record, "artifacts"),
    notes: readStringArray(record, "notes"),
  };
}

export function parseAnalysisPage(body: unknown): AnalysisPage {
  return readPage(body, "Analyses page", parseAnalysisView);
}

export function parseArtifactLink(body: unknown): ArtifactLink {
  const what = "Artifact link";
  const record = expectRecord(body, what);
  return { url: readString(record, "url", what), expiresAt: readString(record, "expiresAt", what) };
}

/** Whether the analysis can still change (so the page keeps following it). */
export function isInProgress(state: AnalysisState): boolean {
  return state === "awaiting_upload" || state === "queued" || state === "running";
}
