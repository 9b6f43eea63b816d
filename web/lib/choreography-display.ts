// How a choreography looks: its state as a badge, its progress caption, and the blueprint's moves
// laid out on a timeline with their transitions.

import type { Tone } from "@/components/Badge";
import { layoutTimeline, progressPercent, type TimelineBlock } from "@/lib/analysis-display";
import type { BlueprintMove, ChoreographyState, ChoreographyView, Transition } from "@/lib/api";
import { humanize } from "@/lib/format";

const stateDisplay: Record<ChoreographyState, { label: string; tone: Tone }> = {
  queued: { label: "Queued", tone: "warn" },
  running: { label: "Assembling", tone: "active" },
  completed: { label: "Completed", tone: "ok" },
  failed: { label: "Failed", tone: "error" },
  canceled: { label: "Canceled", tone: "neutral" },
};

export function choreographyStateLabel(state: ChoreographyState): string {
  return stateDisplay[state].label;
}

export function choreographyStateTone(state: ChoreographyState): Tone {
  return stateDisplay[state].tone;
}

/** The line under a choreography's progress bar: "Rendering · 42%", or the state when there is no stage. */
export function choreographyProgressCaption(view: Pick<ChoreographyView, "state" | "stage" | "progress">): string {
  if (view.state === "queued") return "Waiting for a worker…";
  const percent = `${progressPercent(view.progress)}%`;
  return view.stage ? `${humanize(view.stage)} · ${percent}` : `${choreographyStateLabel(view.state)} · ${percent}`;
}

const transitionWords: Record<Transition, string> = { cut: "Cut", crossfade: "Crossfade", fade_black: "Fade to black" };

export function transitionLabel(transition: Transition): string {
  return transitionWords[transition];
}

const sourceWords: Record<string, string> = {
  song: "From a song",
  description: "From a description",
  blueprint: "From a blueprint",
  composition: "Composed by hand",
};

export function sourceLabel(source: string): string {
  return sourceWords[source] ?? humanize(source);
}

export interface TimelineMove extends BlueprintMove {
  /** Position in the blueprint, from 0. */
  order: number;
  startS: number;
  endS: number;
}

/**
 * The blueprint's moves on a bar as long as the choreography. The first move's transition is ignored by the
 * assembler, so it reads as a cut.
 */
export function layoutBlueprint(moves: readonly BlueprintMove[], totalDuration: number): { blocks: TimelineBlock<TimelineMove>[]; totalS: number } {
  const spans = moves.map((move, order) => ({
    ...move,
    transitionType: order === 0 ? ("cut" as const) : move.transitionType,
    order,
    startS: move.startTime,
    endS: move.startTime + move.duration,
  }));
  return layoutTimeline(spans, totalDuration);
}

// Full class names, so Tailwind finds them in the source; neighbours alternate so each move stands apart.
const moveSwatches = ["bg-indigo-600", "bg-sky-500", "bg-emerald-500", "bg-amber-500", "bg-fuchsia-500"];

export function moveSwatch(order: number): string {
  return moveSwatches[((order % moveSwatches.length) + moveSwatches.length) % moveSwatches.length];
}
