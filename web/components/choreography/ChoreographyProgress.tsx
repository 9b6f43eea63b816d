import { ProgressBar } from "@/components/ProgressBar";
import { isChoreographyInProgress, type ChoreographyView } from "@/lib/api";
import { choreographyProgressCaption } from "@/lib/choreography-display";

/** The assembly's progress bar and stage while it runs; the reason when it failed or was canceled. */
export function ChoreographyProgress({ view, compact = false }: { view: ChoreographyView; compact?: boolean }) {
  if (isChoreographyInProgress(view.state)) {
    return (
      <div className={compact ? "flex items-center gap-3" : "space-y-1.5"} aria-live="polite">
        <div className={compact ? "w-40" : undefined}>
          <ProgressBar value={view.progress} label="Assembly progress" indeterminate={view.state !== "running"} />
        </div>
        <p className={compact ? "text-xs text-slate-600" : "text-sm text-slate-600"}>{choreographyProgressCaption(view)}</p>
      </div>
    );
  }
  if (!view.error) return null;
  return compact ? (
    <p className="truncate text-xs text-red-700">{view.error}</p>
  ) : (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
      {view.error}
    </p>
  );
}
