// The one client for the DanceAspire api. Every URL is relative: the browser only ever
// talks to the gateway, which routes /api/** to the api and the rest to this app.

export const HEALTH_STATUSES = ["Healthy", "Degraded", "Unhealthy"] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export interface HealthCheck {
  name: string;
  status: HealthStatus;
  durationMs: number;
  description: string | null;
}

export interface HealthReport {
  status: HealthStatus;
  durationMs: number;
  checks: HealthCheck[];
}

/** A failed call: no response, an unexpected HTTP status, or a body of the wrong shape. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Reads the api's health report. 503 is a valid answer (the api is up but a dependency
 * is not) and carries the same body as 200, so both resolve to a report.
 */
export function getHealth(signal?: AbortSignal): Promise<HealthReport> {
  return getJson("/api/v1/health", parseHealthReport, { acceptStatuses: [200, 503], signal });
}

interface GetOptions {
  acceptStatuses?: readonly number[];
  signal?: AbortSignal;
}

async function getJson<T>(
  path: string,
  parse: (body: unknown) => T,
  { acceptStatuses = [200], signal }: GetOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: "application/json" },
      cache: "no-store",
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(`Could not reach the api (${describe(error)}).`);
  }

  if (!acceptStatuses.includes(response.status)) {
    throw new ApiError(`The api answered HTTP ${response.status}.`, response.status);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The api answered HTTP ${response.status} without JSON.`, response.status);
  }
  return parse(body);
}

export function parseHealthReport(body: unknown): HealthReport {
  if (!isRecord(body)) throw new ApiError("Health report is not a JSON object.");
  const { checks } = body;
  if (!Array.isArray(checks)) throw new ApiError("Health report has no checks array.");
  return {
    status: readStatus(body.status, "report"),
    durationMs: readNumber(body.durationMs, "report"),
    checks: checks.map(parseHealthCheck),
  };
}

function parseHealthCheck(entry: unknown, index: number): HealthCheck {
  const where = `check ${index}`;
  if (!isRecord(entry)) throw new ApiError(`Health ${where} is not a JSON object.`);
  if (typeof entry.name !== "string" || entry.name === "") {
    throw new ApiError(`Health ${where} has no name.`);
  }
  const { description } = entry;
  return {
    name: entry.name,
    status: readStatus(entry.status, entry.name),
    durationMs: readNumber(entry.durationMs, entry.name),
    description: typeof description === "string" ? description : null,
  };
}

function readStatus(value: unknown, where: string): HealthStatus {
  if (HEALTH_STATUSES.includes(value as HealthStatus)) return value as HealthStatus;
  throw new ApiError(`Health ${where} has an unknown status: ${JSON.stringify(value)}.`);
}

function readNumber(value: unknown, where: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ApiError(`Health ${where} has no durationMs.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
