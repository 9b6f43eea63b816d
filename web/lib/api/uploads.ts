// Sending a video: XMLHttpRequest rather than fetch, because only XHR reports upload progress.
// The preferred path PUTs straight to blob storage with the api's write-only link; when the
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
import { ApiError, errorFromStatus } from "./http";
import { clearSession, getToken } from "./session";

export interface UploadProgress {
  loaded: number;
  total: number;
}

export type UploadPhase = "preparing" | "uploading" | "checking";

export interface UploadCallbacks {
  onProgress?: (progress: UploadProgress) => void;
  onPhase?: (phase: UploadPhase) => void;
  signal?: AbortSignal;
}

/** The browser got no HTTP answer at all: the host is unreachable or CORS blocked the request. */
export class UnreachableError extends Error {
  constructor(readonly url: string) {
    super(`Could not reach ${new URL(url, "http://relative.invalid").host || "the server"}.`);
    this.name = "UnreachableError";
  }
}

interface XhrRequest {
  method: "PUT" | "POST";
  url: string;
  headers: Record<string, string>;
  body: Blob | FormData;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

interface XhrResponse {
  status: number;
  text: string;
}

function sendWithProgress({ method, url, headers, body, onProgress, signal }: XhrRequest): Promise<XhrResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("The upload was canceled.", "AbortError"));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new UnreachableError(url));
    xhr.onabort = () => reject(new DOMException("The upload was canceled.", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
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
export async function uploadMultipart(file: File, options: AnalysisOptions, { onProgress, signal }: UploadCallbacks = {}): Promise<AnalysisView> {
  const form = new FormData();
  form.append("model", options.model);
  form.append("overlay", String(options.overlay));
  form.append("file", file, file.name);
  const token = getToken();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;

  const { status, text } = await sendWithProgress({ method: "POST", url: "/api/v1/analyses", headers, body: form, onProgress, signal });
  return readApiAnswer(status, text, token !== null);
}

/** Reads the api's answer to an XHR call like requestJson reads fetch's: the view, or the problem as an ApiError. */
export function readApiAnswer(status: number, text: string, sentToken: boolean): AnalysisView {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON; the status decides.
  }
  if (status >= 200 && status < 300) {
    if (body === null) throw new ApiError(`The api answered HTTP ${status} without JSON.`, status);
    return parseAnalysisView(body);
  }
  if (status === 401 && sentToken) clearSession();
  throw errorFromStatus(status, body);
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

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
