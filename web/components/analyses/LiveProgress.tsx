"use client";

import { ProgressBar } from "@/components/ProgressBar";
import { progressCaption } from "@/lib/analysis-display";
import { isInProgress, type AnalysisView } from "@/lib/api";

/** The analysis's progress bar and stage while it runs; the reason when it was rejected, failed or canceled. */
export function LiveProgress({ view }: { view: AnalysisView }) {
  if (isInProgress(view.state)) {
    return (
      <div className="space-y-1.5" aria-live="polite">
        <ProgressBar value={view.progress} label="Analysis progress" indeterminate={view.state !== "running"} />
        <p className="text-sm text-slate-600">{progressCaption(view)}</p>
      </div>
    );
  }
  if (view.error) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
        {view.error}
        {view.errorCode && <span className="ml-1 font-mono text-xs text-red-700">({view.errorCode})</span>}
      </p>
    );
  }
  return null;
}
