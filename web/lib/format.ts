// How numbers, sizes, times and durations read on the pages.

const EMPTY = "—";

/** 512 bytes, 1.5 KiB, 30.2 MiB, 1.5 GiB: the api's own wording in its limits. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return EMPTY;
  const units = [
    [1024 ** 3, "GiB"],
    [1024 ** 2, "MiB"],
    [1024, "KiB"],
  ] as const;
  for (const [size, unit] of units) {
    if (bytes >= size) return `${trimZero((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** A clip position or length: 0:07, 1:05, 1:02:03. */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return EMPTY;
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** A wait or a processing time: 0.4 s, 12 s, 3 min 5 s. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return EMPTY;
  if (seconds < 10) return `${trimZero(seconds.toFixed(1))} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  const rest = whole % 60;
  return `${Math.floor(whole / 60)} min${rest ? ` ${rest} s` : ""}`;
}

/** A 0..1 fraction as a whole percentage, clamped: 0.857 → "86%". */
export function formatFraction(fraction: number | null | undefined): string {
  if (fraction == null || !Number.isFinite(fraction)) return EMPTY;
  return `${Math.round(clamp(fraction, 0, 1) * 100)}%`;
}

/** A 0..100 score as a whole number: 72.4 → "72". */
export function formatScore(score: number | null | undefined): string {
  if (score == null || !Number.isFinite(score)) return EMPTY;
  return String(Math.round(clamp(score, 0, 100)));
}

/** Beats per minute, or a dash when there is no beat (the api sends 0 or null then). */
export function formatBpm(bpm: number | null | undefined): string {
  if (bpm == null || !Number.isFinite(bpm) || bpm <= 0) return EMPTY;
  return `${Math.round(bpm)} BPM`;
}

/** "movenet-lightning" → "MoveNet Lightning"; unknown names are shown as they are. */
export function formatModel(model: string): string {
  const names: Record<string, string> = {
    "movenet-lightning": "MoveNet Lightning",
    "movenet-thunder": "MoveNet Thunder",
    blazepose: "BlazePose",
  };
  return names[model] ?? model;
}

/** "left_arm" → "Left arm", "pose_estimation" → "Pose estimation". */
export function humanize(name: string): string {
  const spaced = name.replace(/[_-]+/g, " ").trim();
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1) : spaced;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function trimZero(text: string): string {
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}
