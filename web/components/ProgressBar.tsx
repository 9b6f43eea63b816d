import { clamp } from "@/lib/format";

/** A labelled bar for a 0..1 fraction; `indeterminate` when the amount is not known yet. */
export function ProgressBar({
  value,
  label,
  indeterminate = false,
  tone = "indigo",
}: {
  value: number;
  label: string;
  indeterminate?: boolean;
  tone?: "indigo" | "emerald";
}) {
  const percent = Math.round(clamp(Number.isFinite(value) ? value : 0, 0, 1) * 100);
  const fill = tone === "emerald" ? "bg-emerald-500" : "bg-indigo-600";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : percent}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full ${fill} transition-[width] duration-300 ${indeterminate ? "w-1/3 motion-safe:animate-pulse" : ""}`}
        style={indeterminate ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
