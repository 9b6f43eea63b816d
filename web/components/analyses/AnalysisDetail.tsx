"use client";

import { useEffect, useState } from "react";
import { DetailShell } from "@/components/DetailShell";
import type { ItemState } from "@/components/usePolledItem";
import { ApiError, getAnalysis, type AnalysisView } from "@/lib/api";
import { formatBytes, formatClock, formatModel } from "@/lib/format";
import { AnalysisReport } from "./AnalysisReport";
import { DeleteAnalysisButton } from "./DeleteAnalysisButton";
import { LiveProgress } from "./LiveProgress";
import { StateBadge } from "./StateBadge";
import { useLiveAnalysis } from "./useLiveAnalysis";

/** One analysis: live while it runs, its report once completed, the reason when it did not. */
export function AnalysisDetail({ id }: { id: string }) {
  const [load, setLoad] = useState<ItemState<AnalysisView>>({ kind: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    getAnalysis(id, controller.signal).then(
      (item) => setLoad({ kind: "loaded", item }),
      (error) => {
        if (controller.signal.aborted) return;
        const missing = error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 400);
        setLoad({ kind: "error", message: error instanceof Error ? error.message : String(error), missing });
      },
    );
    return () => controller.abort();
  }, [id]);

  return (
    <DetailShell backHref="/analyses" backText="← All analyses" noun="analysis" state={load}>
      {(view) => <LoadedAnalysis initial={view} />}
    </DetailShell>
  );
}

function LoadedAnalysis({ initial }: { initial: AnalysisView }) {
  const { view } = useLiveAnalysis(initial);
  const video = view.video;
  return (
    <article className="space-y-6" aria-labelledby="analysis-heading">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 id="analysis-heading" className="truncate text-2xl font-semibold tracking-tight text-slate-900">
              {view.fileName}
            </h1>
            <StateBadge state={view.state} />
          </div>
          <p className="text-sm text-slate-600">
            {formatModel(view.model)} · {formatBytes(view.sizeBytes)}
            {video && (
              <>
                {" "}
                · {formatClock(video.durationSeconds)} · {video.width}×{video.height} · {Math.round(video.frameRate)} fps ·{" "}
                {video.codec}
              </>
            )}{" "}
            · uploaded <time dateTime={view.createdAt}>{new Date(view.createdAt).toLocaleString()}</time>
          </p>
        </div>
        <DeleteAnalysisButton analysisId={view.id} fileName={view.fileName} />
      </header>

      <LiveProgress view={view} />

      {view.state === "completed" && <AnalysisReport view={view} />}
    </article>
  );
}
