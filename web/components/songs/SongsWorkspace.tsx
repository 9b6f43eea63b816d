"use client";

import Link from "next/link";
import { ListSection } from "@/components/ListSection";
import { ProgressBar } from "@/components/ProgressBar";
import { StateBadge } from "@/components/analyses/StateBadge";
import { usePolledPage } from "@/components/usePolledPage";
import { progressCaption } from "@/lib/analysis-display";
import { isInProgress, listSongs, type SongView } from "@/lib/api";
import { formatBpm, formatBytes, formatClock } from "@/lib/format";
import { SongUploadForm } from "./SongUploadForm";

const PAGE_SIZE = 20;
const REFRESH_INTERVAL_MS = 2000;

const loadPage = (page: number, signal: AbortSignal) => listSongs({ page, pageSize: PAGE_SIZE }, signal);
const stillChanging = (song: SongView) => isInProgress(song.state);

/** The upload form and the caller's songs, newest first; the list refreshes while any is being analyzed. */
export function SongsWorkspace() {
  const { list, shown, pageNumber, setPageNumber, reload } = usePolledPage(loadPage, { stillChanging, intervalMs: REFRESH_INTERVAL_MS });

  return (
    <div className="space-y-8">
      <SongUploadForm onChange={reload} />

      <ListSection
        headingId="songs-heading"
        heading="Your songs"
        list={list}
        reload={reload}
        pageNumber={pageNumber}
        pageSize={PAGE_SIZE}
        onPage={setPageNumber}
        loadingText="Loading your songs…"
        emptyText="No songs yet. Add one above to choreograph a dance to it."
        listTestId="songs-list"
      >
        {shown?.items.map((song) => (
          <SongRow key={song.id} song={song} />
        ))}
      </ListSection>
    </div>
  );
}

function SongRow({ song }: { song: SongView }) {
  return (
    <li data-testid="song-row" data-song-id={song.id}>
      <Link
        href={`/songs/${song.id}`}
        className="block space-y-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
      >
        <div className="flex items-center justify-between gap-3">
          <p className="truncate text-sm font-medium text-slate-900">{song.title}</p>
          <StateBadge state={song.state} />
        </div>
        <p className="text-xs text-slate-600">
          <time dateTime={song.createdAt}>{new Date(song.createdAt).toLocaleString()}</time> · {formatBytes(song.sizeBytes)}
          {song.audio && <> · {formatClock(song.audio.durationSeconds)}</>}
          {song.tempoBpm != null && <> · {formatBpm(song.tempoBpm)}</>}
        </p>
        {isInProgress(song.state) && (
          <div className="flex items-center gap-3">
            <div className="w-40">
              <ProgressBar value={song.progress} label={`Progress of ${song.title}`} indeterminate={song.state !== "running"} />
            </div>
            <span className="text-xs text-slate-600">{progressCaption(song)}</span>
          </div>
        )}
        {song.error && !isInProgress(song.state) && <p className="truncate text-xs text-red-700">{song.error}</p>}
      </Link>
    </li>
  );
}
