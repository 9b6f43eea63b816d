// A job's live stream (Server-Sent Events): a `snapshot` event with the job's current state, then
// an `update` event per change until the job ends. EventSource cannot send headers, so the token
// travels as the access_token query parameter, which the api accepts on this path only.

import { expectRecord, readNumber, readOneOf, readOptionalString, readString } from "./http";
import type { AnalysisState } from "./analyses";
import { getToken } from "./session";

export const JOB_STATES = ["pending", "queued", "running", "succeeded", "failed", "canceled", "dead"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_EVENT_TYPES = ["snapshot", "update"] as const;

export interface JobProgressEvent {
  type: string;
  jobId: string;
  sequence: number;
  state: JobState;
  attempt: number;
  progress: number;
  stage: string | null;
  error: string | null;
  at: string;
}

export function jobEventsUrl(jobId: string, token: string | null = getToken()): string {
  const path = `/api/v1/jobs/${encodeURIComponent(jobId)}/events`;
  return token ? `${path}?access_token=${encodeURIComponent(token)}` : path;
}

export function parseJobProgressEvent(data: string): JobProgressEvent {
  const what = "Job event";
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw new Error(`${what} is not JSON.`);
  }
  const record = expectRecord(body, what);
  return {
    type: readString(record, "type", what),
    jobId: readString(record, "jobId", what),
    sequence: readNumber(record, "sequence", what),
    state: readOneOf(record, "state", JOB_STATES, what),
    attempt: readNumber(record, "attempt", what),
    progress: readNumber(record, "progress", what),
    stage: readOptionalString(record, "stage"),
    error: readOptionalString(record, "error"),
    at: readString(record, "at", what),
  };
}

/** The analysis state a job state shows as (the api's AnalysisViews.PublicState). */
export function analysisStateOfJob(state: JobState): AnalysisState {
  switch (state) {
    case "pending":
    case "queued":
      return "queued";
    case "running":
      return "running";
    case "succeeded":
      return "completed";
    case "canceled":
      return "canceled";
    default:
      return "failed";
  }
}

export function isFinalJobState(state: JobState): boolean {
  return state === "succeeded" || state === "failed" || state === "canceled" || state === "dead";
}

/**
 * The analysis as a job event shows it: progress and stage move on; a final job state is left for the
 * analysis itself to report (its summary or error comes with it), so the view reads "running" until then.
 */
export function withJobEvent<T extends { state: AnalysisState; progress: number; stage: string | null }>(view: T, event: JobProgressEvent): T {
  const state = analysisStateOfJob(event.state);
  if (isFinalJobState(event.state)) return { ...view, progress: Math.max(view.progress, event.progress), stage: event.stage ?? view.stage };
  return { ...view, state, progress: event.progress, stage: event.stage };
}
