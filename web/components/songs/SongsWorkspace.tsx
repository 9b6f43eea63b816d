"use client";

import Link from "next/link";
import { Pager } from "@/components/Pager";
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
  const pages = shown ? Math.max(1, Math.ceil(shown.total / PAGE_SIZE)) : 1;

  return (
    <div className="space-y-8">
      <SongUploadForm onChange={reload} />

      <section aria-labelledby="songs-heading" aria-busy={list.kind === "loading"}>
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="songs-heading" className="text-lg font-semibold text-slate-900">
            Your songs
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

        {list.kind === "loading" && <p className="mt-4 text-sm text-slate-600">Loading your songs…</p>}

        {shown && shown.items.length === 0 && (
          <p className="mt-4 rounded-xl border border-dashed border-slate-300 px-5 py-8 text-center text-sm text-slate-600">
            No songs yet. Add one above to choreograph a dance to it.
          </p>
        )}

        {shown && shown.items.length > 0 && (
          <ul className="mt-4 divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="songs-list">
            {shown.items.map((song) => (
              <SongRow key={song.id} song={song} />
            ))}
          </ul>
        )}

        {shown && <Pager pageNumber={pageNumber} pages={pages} onPage={setPageNumber} />}
      </section>
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
