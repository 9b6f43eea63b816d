import { layoutBeats } from "@/lib/analysis-display";
import type { SongAnalysis } from "@/lib/api";
import { formatClock, formatScore } from "@/lib/format";
import { energyLabel } from "@/lib/move-display";
import { downsampleCurve, energyShade, layoutSections } from "@/lib/song-display";

const CURVE_COLUMNS = 120;

/** The song's energy as columns, its sections as shaded blocks under it, and its downbeats as ticks. */
export function SongSections({ analysis }: { analysis: SongAnalysis }) {
  const { blocks, totalS } = layoutSections(analysis.sections, analysis.durationSeconds);
  const curve = downsampleCurve(analysis.energyCurve, CURVE_COLUMNS);
  const downbeats = layoutBeats(analysis.downbeats, totalS);
  if (blocks.length === 0 && curve.length === 0) {
    return <p className="text-sm text-slate-600">No sections were found in this song.</p>;
  }
  return (
    <figure className="space-y-2">
      {curve.length > 0 && (
        <div className="flex h-16 items-end gap-px" aria-hidden="true" data-testid="energy-curve">
          {curve.map((value, i) => (
            <span key={i} className="flex-1 rounded-t-sm bg-indigo-300" style={{ height: `${Math.max(2, value)}%` }} />
          ))}
        </div>
      )}
      <div className="relative h-8 w-full overflow-hidden rounded-md bg-slate-100" data-testid="song-sections">
        {blocks.map((block) => (
          <div
            key={block.index}
            className={`absolute inset-y-0 border-r border-white ${energyShade(block.energy)}`}
            style={{ left: `${block.left}%`, width: `${block.width}%` }}
            title={`Section ${block.index + 1}: ${formatClock(block.startS)}–${formatClock(block.endS)}, ${energyLabel(block.energy).toLowerCase()}`}
          />
        ))}
      </div>
      {downbeats.length > 0 && (
        <div className="relative h-2 w-full" aria-hidden="true">
          {downbeats.map((left, i) => (
            <span key={i} className="absolute top-0 h-2 w-px bg-slate-400" style={{ left: `${left}%` }} />
          ))}
        </div>
      )}
      <div className="flex justify-between text-xs tabular-nums text-slate-500" aria-hidden="true">
        <span>0:00</span>
        <span>{formatClock(totalS)}</span>
      </div>
      <figcaption>
        <ol className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {blocks.map((block) => (
            <li key={block.index} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`size-3 rounded-sm ${energyShade(block.energy)}`} />
              {formatClock(block.startS)}–{formatClock(block.endS)}
              <span className="text-slate-500">energy {formatScore(block.energy)}</span>
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
