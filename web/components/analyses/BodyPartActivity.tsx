import { BODY_PARTS, type BodyPart } from "@/lib/api";
import { clamp, formatScore, humanize } from "@/lib/format";

/** How much each body part moved on its own, 0..100, as horizontal bars. */
export function BodyPartActivity({ activity }: { activity: Record<BodyPart, number> }) {
  return (
    <dl className="space-y-2.5">
      {BODY_PARTS.map((part) => (
        <div key={part} className="grid grid-cols-[6rem_1fr_2.5rem] items-center gap-3">
          <dt className="text-sm text-slate-700">{humanize(part)}</dt>
          <dd className="h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
            <div className="h-full rounded-full bg-indigo-500" style={{ width: `${clamp(activity[part], 0, 100)}%` }} />
          </dd>
          <dd className="text-right text-sm tabular-nums text-slate-900">{formatScore(activity[part])}</dd>
        </div>
      ))}
    </dl>
  );
}
