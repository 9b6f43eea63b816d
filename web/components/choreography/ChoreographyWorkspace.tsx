"use client";

import Link from "next/link";
import { useState } from "react";
import { ListSection } from "@/components/ListSection";
import { usePolledPage } from "@/components/usePolledPage";
import { isChoreographyInProgress, listChoreographies, type ChoreographyView } from "@/lib/api";
import { sourceLabel } from "@/lib/choreography-display";
import { formatBytes, formatClock } from "@/lib/format";
import { ChoreographyProgress } from "./ChoreographyProgress";
import { ChoreographyStateBadge } from "./ChoreographyStateBadge";
import { DescribeForm } from "./DescribeForm";
import { FromSongForm } from "./FromSongForm";

const PAGE_SIZE = 20;
const REFRESH_INTERVAL_MS = 2000;

const loadPage = (page: number, signal: AbortSignal) => listChoreographies({ page, pageSize: PAGE_SIZE }, signal);
const stillChanging = (view: ChoreographyView) => isChoreographyInProgress(view.state);

/** The two ways to start a choreography and the caller's choreographies, followed every 2 s while any is assembling. */
export function ChoreographyWorkspace() {
  const { list, shown, pageNumber, setPageNumber, reload } = usePolledPage(loadPage, { stillChanging, intervalMs: REFRESH_INTERVAL_MS });
  const [started, setStarted] = useState<ChoreographyView | null>(null);

  const onCreated = (view: ChoreographyView) => {
    setStarted(view);
    setPageNumber(1);
    reload();
  };

  return (
    <div className="space-y-8">
      <div className="grid gap-6 lg:grid-cols-2">
        <FromSongForm onCreated={onCreated} />
        <DescribeForm onCreated={onCreated} />
      </div>

      {started && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-600/20">
          Planned {started.blueprint?.moves.length ?? 0} moves; the video is queued.{" "}
          <Link href={`/choreography/${started.id}`} className="font-medium underline underline-offset-2">
            Open it →
          </Link>
        </p>
      )}

      <ListSection
        headingId="choreographies-heading"
        heading="Your choreographies"
        list={list}
        reload={reload}
        pageNumber={pageNumber}
        pageSize={PAGE_SIZE}
        onPage={setPageNumber}
        loadingText="Loading your choreographies…"
        emptyText="No choreographies yet. Start one above from a song, or describe the dance you want."
        listTestId="choreographies-list"
      >
        {shown?.items.map((view) => (
          <ChoreographyRow key={view.id} view={view} />
        ))}
      </ListSection>
    </div>
  );
}

function ChoreographyRow({ view }: { view: ChoreographyView }) {
  return (
    <li data-testid="choreography-row" data-choreography-id={view.id}>
      <Link
        href={`/choreography/${view.id}`}
        className="block space-y-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
      >
        <div className="flex items-center justify-between gap-3">
          <p className="truncate text-sm font-medium text-slate-900">
            {sourceLabel(view.source)} · {view.blueprint ? `${view.blueprint.moves.length} moves` : "no plan"}
          </p>
          <ChoreographyStateBadge state={view.state} />
        </div>
        <p className="text-xs text-slate-600">
          <time dateTime={view.createdAt}>{new Date(view.createdAt).toLocaleString()}</time>
          {view.blueprint && <> · {formatClock(view.blueprint.totalDuration)}</>}
          {view.video && <> · {formatBytes(view.video.sizeBytes)}</>}
        </p>
        <ChoreographyProgress view={view} compact />
      </Link>
    </li>
  );
}
