import { layoutBeats, layoutTimeline, movementColour, movementShares } from "@/lib/analysis-display";
import type { TimelineRun } from "@/lib/api";
import { formatClock, formatScore, humanize } from "@/lib/format";

/** The movement type over the clip as one coloured bar, with the beats as ticks under it and a legend. */
export function MovementTimeline({ runs, durationS, beatsS }: { runs: TimelineRun[]; durationS: number; beatsS: number[] }) {
  const { blocks, totalS } = layoutTimeline(runs, durationS);
  const beats = layoutBeats(beatsS, totalS);
  if (blocks.length === 0) {
    return <p className="text-sm text-slate-600">No movement to show: no person was detected long enough.</p>;
  }
  return (
    <figure className="space-y-2">
      <div className="relative h-8 w-full overflow-hidden rounded-md bg-slate-100" data-testid="movement-timeline">
        {blocks.map((block) => (
          <div
            key={`${block.startS}-${block.endS}`}
            className={`absolute inset-y-0 ${movementColour(block.movementType).swatch}`}
            style={{ left: `${block.left}%`, width: `${block.width}%` }}
            title={`${humanize(block.movementType)} ${formatClock(block.startS)}–${formatClock(block.endS)}, intensity ${formatScore(block.intensity)}`}
          />
        ))}
      </div>
      {beats.length > 0 && (
        <div className="relative h-2 w-full" aria-hidden="true">
          {beats.map((left, i) => (
            <span key={i} className="absolute top-0 h-2 w-px bg-slate-500" style={{ left: `${left}%` }} />
          ))}
        </div>
      )}
      <div className="flex justify-between text-xs tabular-nums text-slate-500" aria-hidden="true">
        <span>0:00</span>
        <span>{formatClock(totalS)}</span>
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {movementShares(runs).map((share) => (
            <li key={share.movementType} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`size-3 rounded-sm ${movementColour(share.movementType).swatch}`} />
              {humanize(share.movementType)}
              <span className="text-slate-500">{Math.round((share.seconds / totalS) * 100)}%</span>
            </li>
          ))}
          {beats.length > 0 && (
            <li className="flex items-center gap-1.5 text-slate-600">
              <span aria-hidden="true" className="h-3 w-px bg-slate-500" />
              {beats.length} beats
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
