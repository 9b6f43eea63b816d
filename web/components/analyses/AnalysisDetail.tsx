"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { ApiError, getAnalysis, type AnalysisView } from "@/lib/api";
import { formatBytes, formatClock, formatModel } from "@/lib/format";
import { AnalysisReport } from "./AnalysisReport";
import { DeleteAnalysisButton } from "./DeleteAnalysisButton";
import { LiveProgress } from "./LiveProgress";
import { StateBadge } from "./StateBadge";
import { useLiveAnalysis } from "./useLiveAnalysis";

type LoadState = { kind: "loading" } | { kind: "loaded"; view: AnalysisView } | { kind: "error"; message: string; missing: boolean };

/** One analysis: live while it runs, its report once completed, the reason when it did not. */
export function AnalysisDetail({ id }: { id: string }) {
  const [load, setLoad] = useState<LoadState>({ kind: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    getAnalysis(id, controller.signal).then(
      (view) => setLoad({ kind: "loaded", view }),
      (error) => {
        if (controller.signal.aborted) return;
        const missing = error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 400);
        setLoad({ kind: "error", message: error instanceof Error ? error.message : String(error), missing });
      },
    );
    return () => controller.abort();
  }, [id]);

  return (
    <div className="space-y-6">
      <Link href="/analyses" className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
        ← All analyses
      </Link>
      {load.kind === "loading" && <p className="text-sm text-slate-600">Loading the analysis…</p>}
      {load.kind === "error" && (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-5 text-sm text-red-800">
          <p className="font-medium">{load.missing ? "There is no such analysis." : "The analysis could not be read."}</p>
          <p className="mt-1">{load.message}</p>
        </div>
      )}
      {load.kind === "loaded" && <LoadedAnalysis initial={load.view} />}
    </div>
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
