// Sending a file with progress: XMLHttpRequest rather than fetch, because only XHR reports upload
// progress. Analyses and songs both send their files through here.

import { ApiError, errorFromStatus } from "./http";
import { clearSession, getToken } from "./session";

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadCallbacks {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** The browser got no HTTP answer at all: the host is unreachable or CORS blocked the request. */
export class UnreachableError extends Error {
  constructor(readonly url: string) {
    super(`Could not reach ${new URL(url, "http://relative.invalid").host || "the server"}.`);
    this.name = "UnreachableError";
  }
}

export interface XhrRequest {
  method: "PUT" | "POST";
  url: string;
  headers: Record<string, string>;
  body: Blob | FormData;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface XhrResponse {
  status: number;
  text: string;
}

export function sendWithProgress({ method, url, headers, body, onProgress, signal }: XhrRequest): Promise<XhrResponse> {
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

/** POSTs a form to the api through the gateway with the session's token, and reads the answer as `parse` says. */
export async function postMultipart<T>(url: string, form: FormData, parse: (body: unknown) => T, { onProgress, signal }: UploadCallbacks = {}): Promise<T> {
  const token = getToken();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const { status, text } = await sendWithProgress({ method: "POST", url, headers, body: form, onProgress, signal });
  return readXhrAnswer(status, text, token !== null, parse);
}

/** Reads the api's answer to an XHR call like requestJson reads fetch's: the parsed body, or the problem as an ApiError. */
export function readXhrAnswer<T>(status: number, text: string, sentToken: boolean, parse: (body: unknown) => T): T {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON; the status decides.
  }
  if (status >= 200 && status < 300) {
    if (body === null) throw new ApiError(`The api answered HTTP ${status} without JSON.`, status);
    return parse(body);
  }
  // As in requestJson: a token the api no longer takes ends the session.
  if (status === 401 && sentToken) clearSession();
  throw errorFromStatus(status, body);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
