// How a song's analysis looks: its sections as a bar of blocks shaded by energy, and its energy curve
// squeezed into a fixed number of columns (divs, no chart library).

import { layoutTimeline, type TimelineBlock } from "@/lib/analysis-display";
import type { SongSection } from "@/lib/api";
import { clamp } from "@/lib/format";

export interface SectionSpan {
  index: number;
  startS: number;
  endS: number;
  energy: number;
}

/** The sections placed on a bar as wide as the song, each with its energy clamped to 0..100. */
export function layoutSections(sections: readonly SongSection[], durationS: number): { blocks: TimelineBlock<SectionSpan>[]; totalS: number } {
  const spans = sections.map((s) => ({ index: s.index, startS: s.startSeconds, endS: s.endSeconds, energy: clamp(s.energy, 0, 100) }));
  return layoutTimeline(spans, durationS);
}

/** The curve's mean in each of `columns` equal stretches (fewer when the curve is shorter), each 0..100. */
export function downsampleCurve(curve: readonly number[], columns: number): number[] {
  const n = Math.min(curve.length, Math.max(0, Math.floor(columns)));
  const result: number[] = [];
  for (let c = 0; c < n; c++) {
    const from = Math.floor((c * curve.length) / n);
    const to = Math.max(from + 1, Math.floor(((c + 1) * curve.length) / n));
    let sum = 0;
    for (let i = from; i < to; i++) sum += Number.isFinite(curve[i]) ? curve[i] : 0;
    result.push(clamp(sum / (to - from), 0, 100));
  }
  return result;
}

// Full class names, so Tailwind finds them in the source: quieter sections are paler.
const energyShades = ["bg-amber-200", "bg-amber-300", "bg-amber-400", "bg-amber-500", "bg-amber-600"];

/** The shade of a section with this 0..100 energy. */
export function energyShade(energy: number): string {
  const step = Math.min(energyShades.length - 1, Math.floor((clamp(Number.isFinite(energy) ? energy : 0, 0, 100) / 100) * energyShades.length));
  return energyShades[step];
}
