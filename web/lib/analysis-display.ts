// How an analysis looks: its state as a badge, movement types as colours, and the timeline's
// runs and beats laid out as percentages of the clip.

import type { Tone } from "@/components/Badge";
import type { AnalysisState, AnalysisView, TimelineRun } from "@/lib/api";
import { clamp, humanize } from "@/lib/format";

const stateDisplay: Record<AnalysisState, { label: string; tone: Tone }> = {
  awaiting_upload: { label: "Awaiting upload", tone: "neutral" },
  rejected: { label: "Rejected", tone: "error" },
  queued: { label: "Queued", tone: "warn" },
  running: { label: "Analyzing", tone: "active" },
  completed: { label: "Completed", tone: "ok" },
  failed: { label: "Failed", tone: "error" },
  canceled: { label: "Canceled", tone: "neutral" },
};

export function stateLabel(state: AnalysisState): string {
  return stateDisplay[state].label;
}

export function stateTone(state: AnalysisState): Tone {
  return stateDisplay[state].tone;
}

/** The line under a progress bar: "Pose estimation · 42%", or the state when there is no stage. */
export function progressCaption(view: Pick<AnalysisView, "state" | "stage" | "progress">): string {
  const percent = `${progressPercent(view.progress)}%`;
  if (view.state === "queued") return "Waiting for a worker…";
  if (view.state === "awaiting_upload") return "Waiting for the upload…";
  return view.stage ? `${humanize(view.stage)} · ${percent}` : `${stateLabel(view.state)} · ${percent}`;
}

/** A 0..1 progress as a whole percentage, clamped (a late event never shows 101%). */
export function progressPercent(progress: number): number {
  return Number.isFinite(progress) ? Math.round(clamp(progress, 0, 1) * 100) : 0;
}

export const MOVEMENT_TYPES = ["standing", "walking", "dancing", "jumping", "crouching"] as const;

// Full class names, so Tailwind finds them in the source.
const movementColours: Record<string, { swatch: string; text: string }> = {
  standing: { swatch: "bg-slate-400", text: "text-slate-700" },
  walking: { swatch: "bg-sky-500", text: "text-sky-800" },
  dancing: { swatch: "bg-indigo-600", text: "text-indigo-800" },
  jumping: { swatch: "bg-amber-500", text: "text-amber-900" },
  crouching: { swatch: "bg-emerald-500", text: "text-emerald-800" },
};
const unknownMovement = { swatch: "bg-fuchsia-500", text: "text-fuchsia-800" };

export function movementColour(type: string): { swatch: string; text: string } {
  return movementColours[type] ?? unknownMovement;
}

/** A span laid out on a bar as wide as the clip: its left edge and width, percent of the clip. */
export type TimelineBlock<T extends Span = TimelineRun> = T & { left: number; width: number };

/** Anything with a start and an end on the clip: movement runs, song sections, a choreography's moves. */
export interface Span {
  startS: number;
  endS: number;
}

/**
 * Places the spans on a bar as wide as the clip. Spans are clamped to the clip, empty ones dropped; gaps stay gaps
 * (frames without a pose). The clip is the longer of the given duration and the last span's end.
 */
export function layoutTimeline<T extends Span>(runs: readonly T[], durationS: number): { blocks: TimelineBlock<T>[]; totalS: number } {
  const lastEnd = runs.reduce((end, run) => Math.max(end, run.endS), 0);
  const totalS = Math.max(Number.isFinite(durationS) ? durationS : 0, lastEnd);
  if (totalS <= 0) return { blocks: [], totalS: 0 };
  const blocks = runs
    .map((run) => {
      const start = clamp(run.startS, 0, totalS);
      const end = clamp(run.endS, 0, totalS);
      return { ...run, left: (start / totalS) * 100, width: ((end - start) / totalS) * 100 };
    })
    .filter((block) => block.width > 0);
  return { blocks, totalS };
}

/** Each beat's position, percent of the clip; beats outside it are dropped. */
export function layoutBeats(peaksS: readonly number[], totalS: number): number[] {
  if (totalS <= 0) return [];
  return peaksS.filter((t) => t >= 0 && t <= totalS).map((t) => (t / totalS) * 100);
}

/** The share of the clip each movement type covers, largest first (for the timeline's legend). */
export function movementShares(runs: readonly TimelineRun[]): { movementType: string; seconds: number }[] {
  const seconds = new Map<string, number>();
  for (const run of runs) {
    const length = Math.max(0, run.endS - run.startS);
    seconds.set(run.movementType, (seconds.get(run.movementType) ?? 0) + length);
  }
  return [...seconds.entries()]
    .map(([movementType, total]) => ({ movementType, seconds: total }))
    .sort((a, b) => b.seconds - a.seconds);
}
