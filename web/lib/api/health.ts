// The api's health report, shown on the home page.

import { ApiError, isRecord, requestJson } from "./http";

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

/**
 * Reads the api's health report. 503 is a valid answer (the api is up but a dependency
 * is not) and carries the same body as 200, so both resolve to a report.
 */
export function getHealth(signal?: AbortSignal): Promise<HealthReport> {
  return requestJson("/api/v1/health", parseHealthReport, { acceptStatuses: [200, 503], auth: false, signal });
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
