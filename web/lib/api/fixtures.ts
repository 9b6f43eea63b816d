// Bodies as the api sends them, for the client's tests.

export const analysisView = {
  id: "0197a3c0-0000-7000-8000-000000000001",
  state: "completed",
  progress: 1,
  stage: "done",
  error: null,
  errorCode: null,
  model: "movenet-lightning",
  overlay: true,
  fileName: "salsa.mp4",
  sizeBytes: 1_234_567,
  video: { durationSeconds: 12.5, width: 720, height: 1280, frameRate: 30, codec: "h264" },
  jobId: "0197a3c0-0000-7000-8000-0000000000aa",
  summary: {
    totalFrames: 375,
    detectionRate: 0.96,
    movementType: "dancing",
    intensity: 71.2,
    estimatedBpm: 118.4,
    smoothnessScore: 64.9,
    durationSeconds: 12.5,
    processingTimeSeconds: 8.1,
    artifacts: ["overlay", "keypoints", "thumbnail"],
    notes: [],
  },
  createdAt: "2026-03-01T10:00:00+00:00",
  submittedAt: "2026-03-01T10:00:05+00:00",
  finishedAt: "2026-03-01T10:00:20+00:00",
};

export const queuedView = {
  ...analysisView,
  state: "queued",
  progress: 0,
  stage: null,
  summary: null,
  finishedAt: null,
};

export const analysisResult = {
  schema_version: 1,
  processing: { total_frames: 375, frames_with_pose: 360, detection_rate: 0.96, processing_time_s: 8.1, fps: 30, model: "movenet-lightning" },
  pose: { keypoint_format: "coco17", average_confidence: 0.81 },
  movement: {
    movement_type: "dancing",
    intensity: 71.2,
    velocity: 0.05,
    body_part_activity: { head: 12, torso: 30.5, left_arm: 88, right_arm: 90.1, left_leg: 40, right_leg: 41 },
    timeline: [
      { start_s: 0, end_s: 2.5, movement_type: "standing", intensity: 5 },
      { start_s: 2.5, end_s: 10, movement_type: "dancing", intensity: 80 },
      { start_s: 10, end_s: 12.5, movement_type: "jumping", intensity: 95 },
    ],
  },
  rhythm: { has_rhythm: true, estimated_bpm: 118.4, rhythm_consistency: 82, peaks_s: [3, 3.5, 4, 4.5] },
  smoothness_score: 64.9,
  segments: [
    { index: 0, start_s: 0, end_s: 2.5, movement_type: "standing", energy: 5 },
    { index: 1, start_s: 2.5, end_s: 12.5, movement_type: "dancing", energy: 84 },
  ],
  notes: ["BlazePose landmarks were mapped to COCO-17."],
};
