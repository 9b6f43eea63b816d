import { movementColour } from "@/lib/analysis-display";
import type { Segment } from "@/lib/api";
import { clamp, formatClock, formatScore, humanize } from "@/lib/format";

/** The moves, cut where the motion changes: when, what type, how energetic. */
export function SegmentsList({ segments, onSeek }: { segments: Segment[]; onSeek?: (seconds: number) => void }) {
  if (segments.length === 0) return <p className="text-sm text-slate-600">No segments: no person was detected.</p>;
  return (
    <ol className="divide-y divide-slate-100">
      {segments.map((segment) => (
        <li key={segment.index} className="grid grid-cols-[auto_1fr_7rem] items-center gap-3 py-2 text-sm">
          <button
            type="button"
            onClick={() => onSeek?.(segment.startS)}
            disabled={!onSeek}
            className="rounded font-mono text-xs tabular-nums text-indigo-700 hover:underline disabled:text-slate-600 disabled:no-underline"
            aria-label={`Play from ${formatClock(segment.startS)}`}
          >
            {formatClock(segment.startS)}–{formatClock(segment.endS)}
          </button>
          <span className="flex items-center gap-1.5 text-slate-800">
            <span aria-hidden="true" className={`size-2.5 rounded-sm ${movementColour(segment.movementType).swatch}`} />
            {humanize(segment.movementType)}
          </span>
          <span className="flex items-center gap-2" title="Energy, 0 to 100">
            <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
              <span className="block h-full rounded-full bg-amber-500" style={{ width: `${clamp(segment.energy, 0, 100)}%` }} />
            </span>
            <span className="w-7 text-right tabular-nums text-slate-700">
              <span className="sr-only">Energy </span>
              {formatScore(segment.energy)}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
