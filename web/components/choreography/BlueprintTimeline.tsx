"use client";

import { useEffect, useState } from "react";
import { listMoves, type ChoreographyBlueprint } from "@/lib/api";
import { layoutBlueprint, moveSwatch, transitionLabel } from "@/lib/choreography-display";
import { formatClock, formatSeconds } from "@/lib/format";

// The api's largest page; a move not on it is shown by its id.
const MOVES_PAGE_SIZE = 100;

/** The planned moves as one bar over the dance, then in order with their start, length and way in. */
export function BlueprintTimeline({ blueprint }: { blueprint: ChoreographyBlueprint }) {
  const names = useMoveNames();
  const { blocks, totalS } = layoutBlueprint(blueprint.moves, blueprint.totalDuration);
  if (blocks.length === 0) return <p className="text-sm text-slate-600">The plan has no moves.</p>;
  const nameOf = (clipId: string) => names.get(clipId) ?? `Move ${clipId.slice(0, 8)}`;

  return (
    <figure className="space-y-3">
      <div className="relative h-8 w-full overflow-hidden rounded-md bg-slate-100" data-testid="blueprint-timeline">
        {blocks.map((block) => (
          <div
            key={block.order}
            className={`absolute inset-y-0 border-r border-white ${moveSwatch(block.order)}`}
            style={{ left: `${block.left}%`, width: `${block.width}%` }}
            title={`${nameOf(block.clipId)} ${formatClock(block.startS)}–${formatClock(block.endS)}`}
          />
        ))}
      </div>
      <div className="flex justify-between text-xs tabular-nums text-slate-500" aria-hidden="true">
        <span>0:00</span>
        <span>{formatClock(totalS)}</span>
      </div>
      <figcaption>
        <ol className="divide-y divide-slate-100" data-testid="blueprint-moves">
          {blocks.map((block) => (
            <li key={block.order} className="grid grid-cols-[auto_1fr_auto] items-center gap-3 py-2 text-sm">
              <span className="font-mono text-xs tabular-nums text-slate-600">{formatClock(block.startTime)}</span>
              <span className="flex min-w-0 items-center gap-1.5 text-slate-800">
                <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-sm ${moveSwatch(block.order)}`} />
                <span className="truncate">{nameOf(block.clipId)}</span>
              </span>
              <span className="text-xs text-slate-600">
                {formatSeconds(block.duration)} · {block.order === 0 ? "Opens" : transitionLabel(block.transitionType)}
              </span>
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}

/** The library's move names by id, best effort: without them the timeline still reads, by id. */
function useMoveNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    const controller = new AbortController();
    listMoves({ pageSize: MOVES_PAGE_SIZE }, controller.signal).then(
      (page) => setNames(new Map(page.items.map((move) => [move.id, move.name]))),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  return names;
}
