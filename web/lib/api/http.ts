// The transport under every call of the client: relative URLs (the browser only ever talks to
// the gateway, which routes /api/** to the api), the bearer token, ProblemDetails errors and
// the small readers that check a body's shape before the UI trusts it.

import { clearSession, getToken } from "./session";

/** ProblemDetails as the api sends it; `code` says which problem when a client must tell them apart. */
export interface Problem {
  title: string | null;
  status: number | null;
  detail: string | null;
  code: string | null;
  errors: Record<string, string[]>;
}

/** A failed call: no response, an unexpected HTTP status, a ProblemDetails, or a body of the wrong shape. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The api's machine-readable reason (`too_long`, `not_enough_coins`, ...), when it gave one. */
  get code(): string | undefined {
    return this.problem?.code ?? undefined;
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Statuses that count as success; the default is any 2xx. */
  acceptStatuses?: readonly number[];
  /** Whether to send the session's bearer token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

/** Calls the api and returns the parsed JSON body, or throws an ApiError that says what went wrong. */
export async function requestJson<T>(path: string, parse: (body: unknown) => T, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The api answered HTTP ${response.status} without JSON.`, response.status);
  }
  return parse(body);
}

/** Calls the api for its status alone (a 204, say). */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

async function send(path: string, { method = "GET", body, acceptStatuses, auth = true, signal }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(`Could not reach the api (${describe(error)}).`);
  }

  const accepted = acceptStatuses ? acceptStatuses.includes(response.status) : response.ok;
  if (accepted) return response;
  throw await errorFrom(response, token !== null);
}

async function errorFrom(response: Response, sentToken: boolean): Promise<ApiError> {
  // A token the api no longer takes (expired, account banned) ends the session; the pages then ask to sign in.
  if (response.status === 401 && sentToken) clearSession();
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy's page, say. The status alone has to do.
  }
  return errorFromStatus(response.status, body);
}

/** The error for a non-success status and its (possibly absent) body: ProblemDetails' detail when there is one. */
export function errorFromStatus(status: number, body: unknown): ApiError {
  const problem = parseProblem(body, status);
  if (problem) return new ApiError(problemMessage(problem), status, problem);
  return new ApiError(`The api answered HTTP ${status}.`, status);
}

export function parseProblem(body: unknown, status?: number): Problem | null {
  if (!isRecord(body)) return null;
  const { title, detail, code, errors } = body;
  if (typeof title !== "string" && typeof detail !== "string") return null;
  const fieldErrors: Record<string, string[]> = {};
  if (isRecord(errors)) {
    for (const [field, messages] of Object.entries(errors)) {
      if (Array.isArray(messages)) fieldErrors[field] = messages.filter((m): m is string => typeof m === "string");
    }
  }
  return {
    title: typeof title === "string" ? title : null,
    status: typeof body.status === "number" ? body.status : (status ?? null),
    detail: typeof detail === "string" ? detail : null,
    code: typeof code === "string" ? code : null,
    errors: fieldErrors,
  };
}

/**
 * What to tell a person about a problem: the detail, with the field errors spelled out when the detail only
 * says "see errors".
 */
export function problemMessage(problem: Problem): string {
  const fieldMessages = Object.values(problem.errors).flat();
  const base = problem.detail ?? problem.title ?? "The request failed.";
  if (fieldMessages.length === 0) return base;
  const stripped = base.replace(/;?\s*see errors\.?$/i, ".");
  return `${stripped} ${fieldMessages.join(" ")}`;
}

// Shape readers: each names the field it could not read, so a wrong body fails with a useful message.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ApiError(`${what} is not a JSON object.`);
  return value;
}

export function readString(record: Record<string, unknown>, field: string, what: string): string {
  const value = record[field];
  if (typeof value === "string") return value;
  throw new ApiError(`${what} has no ${field}.`);
}

export function readOptionalString(record: Record<string, unknown>, field: string): string | null {
  const value = record[field];
  return typeof value === "string" ? value : null;
}

export function readNumber(record: Record<string, unknown>, field: string, what: string): number {
  const value = record[field];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ApiError(`${what} has no ${field}.`);
}

export function readOptionalNumber(record: Record<string, unknown>, field: string): number | null {
  const value = record[field];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function readBoolean(record: Record<string, unknown>, field: string, what: string): boolean {
  const value = record[field];
  if (typeof value === "boolean") return value;
  throw new ApiError(`${what} has no ${field}.`);
}

export function readArray(record: Record<string, unknown>, field: string, what: string): unknown[] {
  const value = record[field];
  if (Array.isArray(value)) return value;
  throw new ApiError(`${what} has no ${field} array.`);
}

/** A page of a list: its items read by `parseItem`, then pageNumber, pageSize and total. */
export function readPage<T>(
  body: unknown,
  what: string,
  parseItem: (item: unknown) => T,
): { items: T[]; pageNumber: number; pageSize: number; total: number } {
  const record = expectRecord(body, what);
  return {
    items: readArray(record, "items", what).map(parseItem),
    pageNumber: readNumber(record, "pageNumber", what),
    pageSize: readNumber(record, "pageSize", what),
    total: readNumber(record, "total", what),
  };
}

export function readNumberArray(record: Record<string, unknown>, field: string): number[] {
  const value = record[field];
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === "number" && Number.isFinite(v)) : [];
}

export function readStringArray(record: Record<string, unknown>, field: string): string[] {
  const value = record[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function readOneOf<T extends string>(record: Record<string, unknown>, field: string, allowed: readonly T[], what: string): T {
  const value = record[field];
  if (allowed.includes(value as T)) return value as T;
  throw new ApiError(`${what} has an unknown ${field}: ${JSON.stringify(value)}.`);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
