"use client";

import Link from "next/link";
import { ListSection } from "@/components/ListSection";
import { ProgressBar } from "@/components/ProgressBar";
import { usePolledPage } from "@/components/usePolledPage";
import { progressCaption } from "@/lib/analysis-display";
import { isInProgress, listAnalyses, type AnalysisView } from "@/lib/api";
import { formatBytes, formatClock, formatModel } from "@/lib/format";
import { StateBadge } from "./StateBadge";
import { Thumbnail } from "./Thumbnail";
import { UploadForm } from "./UploadForm";

const PAGE_SIZE = 20;
const REFRESH_INTERVAL_MS = 3000;

const loadPage = (page: number, signal: AbortSignal) => listAnalyses({ page, pageSize: PAGE_SIZE }, signal);
const stillChanging = (item: AnalysisView) => isInProgress(item.state);

/** The upload form and the caller's analyses, newest first; the list refreshes while any is in progress. */
export function AnalysesWorkspace() {
  const { list, shown, pageNumber, setPageNumber, reload } = usePolledPage(loadPage, { stillChanging, intervalMs: REFRESH_INTERVAL_MS });

  return (
    <div className="space-y-8">
      <UploadForm onChange={reload} />

      <ListSection
        headingId="analyses-heading"
        heading="Your analyses"
        list={list}
        reload={reload}
        pageNumber={pageNumber}
        pageSize={PAGE_SIZE}
        onPage={setPageNumber}
        loadingText="Loading your analyses…"
        emptyText="No analyses yet. Upload a dance video above to get its poses, movements and rhythm."
        listTestId="analyses-list"
      >
        {shown?.items.map((item) => (
          <AnalysisRow key={item.id} item={item} />
        ))}
      </ListSection>
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
