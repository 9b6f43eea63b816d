// Sending a video (with progress, through xhr.ts). The preferred path PUTs straight to blob storage with the api's write-only link; when the
// browser cannot reach storage (another origin, so CORS or a private address can stop it), the
// video goes through the gateway as multipart instead.

import {
  confirmUpload,
  createUploadUrl,
  deleteAnalysis,
  parseAnalysisView,
  type AnalysisOptions,
  type AnalysisView,
  type UploadTicket,
} from "./analyses";
import { ApiError } from "./http";
import { isAbort, postMultipart, readXhrAnswer, sendWithProgress, UnreachableError, type UploadCallbacks as XhrCallbacks } from "./xhr";

export { isAbort, UnreachableError, type UploadProgress } from "./xhr";

export type UploadPhase = "preparing" | "uploading" | "checking";

export interface UploadCallbacks extends XhrCallbacks {
  onPhase?: (phase: UploadPhase) => void;
}

/** PUTs the file to the ticket's storage link with the headers storage requires. */
export async function putToStorage(ticket: UploadTicket, file: Blob, { onProgress, signal }: UploadCallbacks = {}): Promise<void> {
  const { status } = await sendWithProgress({
    method: "PUT",
    url: ticket.uploadUrl,
    headers: ticket.requiredHeaders,
    body: file,
    onProgress,
    signal,
  });
  if (status < 200 || status >= 300) {
    const why = status === 403 ? " (the upload link may have expired)" : "";
    throw new ApiError(`Storage refused the upload with HTTP ${status}${why}. Try again.`, status);
  }
}

/** POST /api/v1/analyses as multipart/form-data: the video goes through the gateway and is queued at once. */
export function uploadMultipart(file: File, options: AnalysisOptions, callbacks: UploadCallbacks = {}): Promise<AnalysisView> {
  const form = new FormData();
  form.append("model", options.model);
  form.append("overlay", String(options.overlay));
  form.append("file", file, file.name);
  return postMultipart("/api/v1/analyses", form, parseAnalysisView, callbacks);
}

/** Reads the api's answer to the multipart upload: the analysis, or the problem as an ApiError. */
export function readApiAnswer(status: number, text: string, sentToken: boolean): AnalysisView {
  return readXhrAnswer(status, text, sentToken, parseAnalysisView);
}

/**
 * Uploads a video and starts its analysis: upload link, PUT to storage, confirm; or, when storage cannot be
 * reached from this browser, the multipart upload through the gateway (the unused upload is deleted).
 */
export async function uploadVideo(file: File, options: AnalysisOptions, callbacks: UploadCallbacks = {}): Promise<AnalysisView> {
  const { onPhase, signal } = callbacks;
  onPhase?.("preparing");
  const ticket = await createUploadUrl(file, options, signal);
  onPhase?.("uploading");
  try {
    await putToStorage(ticket, file, callbacks);
  } catch (error) {
    if (!(error instanceof UnreachableError)) {
      if (isAbort(error)) void deleteAnalysis(ticket.analysisId).catch(() => undefined);
      throw error;
    }
    void deleteAnalysis(ticket.analysisId).catch(() => undefined);
    const view = await uploadMultipart(file, options, callbacks);
    onPhase?.("checking");
    return view;
  }
  onPhase?.("checking");
  return confirmUpload(ticket.analysisId, signal);
}
