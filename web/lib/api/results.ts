// The full results of a completed analysis (services/DanceAspire.Analysis/RESULTS.md, schema 1).
// The wire is snake_case; these types are the client's camelCase reading of it.

import { expectRecord, isRecord, readArray, readBoolean, readNumber, readOptionalNumber, readString, readStringArray, requestJson } from "./http";

export const BODY_PARTS = ["head", "torso", "left_arm", "right_arm", "left_leg", "right_leg"] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

export interface TimelineRun {
  startS: number;
  endS: number;
  movementType: string;
  intensity: number;
}

export interface Segment {
  index: number;
  startS: number;
  endS: number;
  movementType: string;
  energy: number;
}

export interface AnalysisResult {
  schemaVersion: number;
  processing: {
    totalFrames: number;
    framesWithPose: number;
    detectionRate: number;
    processingTimeS: number;
    fps: number;
    model: string;
  };
  movement: {
    movementType: string;
    intensity: number;
    velocity: number;
    bodyPartActivity: Record<BodyPart, number>;
    timeline: TimelineRun[];
  };
  rhythm: {
    hasRhythm: boolean;
    estimatedBpm: number;
    rhythmConsistency: number;
    peaksS: number[];
  };
  smoothnessScore: number;
  segments: Segment[];
  notes: string[];
}

/** GET /api/v1/analyses/{id}/result: 409 (code not_completed) until the analysis has completed. */
export function getAnalysisResult(id: string, signal?: AbortSignal): Promise<AnalysisResult> {
  return requestJson(`/api/v1/analyses/${encodeURIComponent(id)}/result`, parseAnalysisResult, { signal });
}

export function parseAnalysisResult(body: unknown): AnalysisResult {
  const what = "Analysis result";
  const record = expectRecord(body, what);
  const processing = expectRecord(record.processing, "Result processing");
  const movement = expectRecord(record.movement, "Result movement");
  const rhythm = expectRecord(record.rhythm, "Result rhythm");
  const activity = isRecord(movement.body_part_activity) ? movement.body_part_activity : {};
  return {
    schemaVersion: readNumber(record, "schema_version", what),
    processing: {
      totalFrames: readNumber(processing, "total_frames", "Result processing"),
      framesWithPose: readNumber(processing, "frames_with_pose", "Result processing"),
      detectionRate: readNumber(processing, "detection_rate", "Result processing"),
      processingTimeS: readOptionalNumber(processing, "processing_time_s") ?? 0,
      fps: readOptionalNumber(processing, "fps") ?? 0,
      model: typeof processing.model === "string" ? processing.model : "",
    },
    movement: {
      movementType: readString(movement, "movement_type", "Result movement"),
      intensity: readNumber(movement, "intensity", "Result movement"),
      velocity: readOptionalNumber(movement, "velocity") ?? 0,
      bodyPartActivity: Object.fromEntries(
        BODY_PARTS.map((part) => [part, readOptionalNumber(activity, part) ?? 0]),
      ) as Record<BodyPart, number>,
      timeline: readArray(movement, "timeline", "Result movement").map(parseTimelineRun),
    },
    rhythm: {
      hasRhythm: readBoolean(rhythm, "has_rhythm", "Result rhythm"),
      estimatedBpm: readOptionalNumber(rhythm, "estimated_bpm") ?? 0,
      rhythmConsistency: readOptionalNumber(rhythm, "rhythm_consistency") ?? 0,
      peaksS: Array.isArray(rhythm.peaks_s) ? rhythm.peaks_s.filter((p): p is number => typeof p === "number") : [],
    },
    smoothnessScore: readNumber(record, "smoothness_score", what),
    segments: readArray(record, "segments", what).map(parseSegment),
    notes: readStringArray(record, "notes"),
  };
}

function parseTimelineRun(entry: unknown, index: number): TimelineRun {
  const what = `Timeline run ${index}`;
  const record = expectRecord(entry, what);
  return {
    startS: readNumber(record, "start_s", what),
    endS: readNumber(record, "end_s", what),
    movementType: readString(record, "movement_type", what),
    intensity: readNumber(record, "intensity", what),
  };
}

function parseSegment(entry: unknown, position: number): Segment {
  const what = `Segment ${position}`;
  const record = expectRecord(entry, what);
  return {
    index: readNumber(record, "index", what),
    startS: readNumber(record, "start_s", what),
    endS: readNumber(record, "end_s", what),
    movementType: readString(record, "movement_type", what),
    energy: readNumber(record, "energy", what),
  };
}
