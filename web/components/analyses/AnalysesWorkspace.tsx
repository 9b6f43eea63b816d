"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { Pager } from "@/components/Pager";
import { ProgressBar } from "@/components/ProgressBar";
import { progressCaption } from "@/lib/analysis-display";
import { isInProgress, listAnalyses, type AnalysisPage, type AnalysisView } from "@/lib/api";
import { formatBytes, formatClock, formatModel } from "@/lib/format";
import { StateBadge } from "./StateBadge";
import { Thumbnail } from "./Thumbnail";
import { UploadForm } from "./UploadForm";

const PAGE_SIZE = 20;
const REFRESH_INTERVAL_MS = 3000;

type ListState =
  | { kind: "loading" }
  | { kind: "loaded"; page: AnalysisPage }
  | { kind: "error"; message: string; page: AnalysisPage | null };

/** The upload form and the caller's analyses, newest first; the list refreshes while any is in progress. */
export function AnalysesWorkspace() {
  const [pageNumber, setPageNumber] = useState(1);
  const [list, setList] = useState<ListState>({ kind: "loading" });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const shown = list.kind === "loading" ? null : list.page;
  const anyInProgress = shown?.items.some((item) => isInProgress(item.state)) ?? false;

  useEffect(() => {
    const controller = new AbortController();
    listAnalyses({ page: pageNumber, pageSize: PAGE_SIZE }, controller.signal).then(
      (page) => setList({ kind: "loaded", page }),
      (error) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setList((current) => ({ kind: "error", message, page: current.kind === "loading" ? null : current.page }));
      },
    );
    return () => controller.abort();
  }, [pageNumber, reloads]);

  useEffect(() => {
    if (!anyInProgress) return;
    const timer = setTimeout(reload, REFRESH_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [anyInProgress, reload, list]);

  const pages = shown ? Math.max(1, Math.ceil(shown.total / PAGE_SIZE)) : 1;

  return (
    <div className="space-y-8">
      <UploadForm onChange={reload} />

      <section aria-labelledby="analyses-heading" aria-busy={list.kind === "loading"}>
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="analyses-heading" className="text-lg font-semibold text-slate-900">
            Your analyses
          </h2>
          {shown && <p className="text-sm text-slate-600">{shown.total} in all</p>}
        </div>

        {list.kind === "error" && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
            The list could not be read: {list.message}{" "}
            <button type="button" onClick={reload} className="font-medium underline underline-offset-2">
              Try again
            </button>
          </p>
        )}

        {list.kind === "loading" && <p className="mt-4 text-sm text-slate-600">Loading your analyses…</p>}

        {shown && shown.items.length === 0 && (
          <p className="mt-4 rounded-xl border border-dashed border-slate-300 px-5 py-8 text-center text-sm text-slate-600">
            No analyses yet. Upload a dance video above to get its poses, movements and rhythm.
          </p>
        )}

        {shown && shown.items.length > 0 && (
          <ul className="mt-4 divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="analyses-list">
            {shown.items.map((item) => (
              <AnalysisRow key={item.id} item={item} />
            ))}
          </ul>
        )}

        {shown && <Pager pageNumber={pageNumber} pages={pages} onPage={setPageNumber} />}
      </section>
    </div>
  );
}

function AnalysisRow({ item }: { item: AnalysisView }) {
  const created = new Date(item.createdAt);
  return (
    <li data-testid="analysis-row" data-analysis-id={item.id}>
      <Link
        href={`/analyses/${item.id}`}
        className="flex items-center gap-4 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
      >
        <Thumbnail analysisId={item.id} available={item.state === "completed"} className="h-14 w-20 shrink-0" />
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex items-center justify-between gap-3">
            <p className="truncate text-sm font-medium text-slate-900">{item.fileName}</p>
            <StateBadge state={item.state} />
          </div>
          <p className="text-xs text-slate-600">
            <time dateTime={item.createdAt}>{created.toLocaleString()}</time> · {formatModel(item.model)} ·{" "}
            {formatBytes(item.sizeBytes)}
            {item.video && <> · {formatClock(item.video.durationSeconds)}</>}
            {item.summary && <> · {item.summary.movementType}</>}
          </p>
          {isInProgress(item.state) && (
            <div className="flex items-center gap-3">
              <div className="w-40">
                <ProgressBar value={item.progress} label={`Progress of ${item.fileName}`} indeterminate={item.state !== "running"} />
              </div>
              <span className="text-xs text-slate-600">{progressCaption(item)}</span>
            </div>
          )}
          {item.error && !isInProgress(item.state) && <p className="truncate text-xs text-red-700">{item.error}</p>}
        </div>
      </Link>
    </li>
  );
}
