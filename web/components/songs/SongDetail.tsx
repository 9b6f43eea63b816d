"use client";

import { useRouter } from "next/navigation";
import { ConfirmDeleteButton } from "@/components/ConfirmDeleteButton";
import { DetailShell } from "@/components/DetailShell";
import { ProgressBar } from "@/components/ProgressBar";
import { StateBadge } from "@/components/analyses/StateBadge";
import { usePolledItem } from "@/components/usePolledItem";
import { progressCaption } from "@/lib/analysis-display";
import { deleteSong, getSong, isInProgress, type SongView } from "@/lib/api";
import { formatBpm, formatBytes, formatClock, formatSeconds } from "@/lib/format";
import { SongAudio } from "./SongAudio";
import { SongSections } from "./SongSections";

const POLL_INTERVAL_MS = 2000;
const stillChanging = (song: SongView) => isInProgress(song.state);

/** One song: live while it is analyzed, then its tempo, beats, sections and a player. */
export function SongDetail({ id }: { id: string }) {
  const { state } = usePolledItem(id, getSong, stillChanging, POLL_INTERVAL_MS);
  return (
    <DetailShell backHref="/songs" backText="← All songs" noun="song" state={state}>
      {(song) => <LoadedSong song={song} />}
    </DetailShell>
  );
}

function LoadedSong({ song }: { song: SongView }) {
  const router = useRouter();
  const analysis = song.analysis;
  return (
    <article className="space-y-6" aria-labelledby="song-heading">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 id="song-heading" className="truncate text-2xl font-semibold tracking-tight text-slate-900">
              {song.title}
            </h1>
            <StateBadge state={song.state} />
          </div>
          <p className="text-sm text-slate-600">
            {song.fileName} · {formatBytes(song.sizeBytes)}
            {song.audio && (
              <>
                {" "}
                · {formatClock(song.audio.durationSeconds)} · {song.audio.codec} · {song.audio.sampleRate} Hz
              </>
            )}{" "}
            · uploaded <time dateTime={song.createdAt}>{new Date(song.createdAt).toLocaleString()}</time>
          </p>
        </div>
        <ConfirmDeleteButton
          id={song.id}
          question={
            <>
              Delete <span className="font-medium">{song.title}</span> and its file? Choreographies made from it keep their videos.
            </>
          }
          onDelete={() => deleteSong(song.id)}
          onDeleted={() => router.push("/songs")}
        />
      </header>

      {isInProgress(song.state) && (
        <div className="space-y-1.5" aria-live="polite">
          <ProgressBar value={song.progress} label="Analysis progress" indeterminate={song.state !== "running"} />
          <p className="text-sm text-slate-600">{progressCaption(song)}</p>
        </div>
      )}
      {song.error && !isInProgress(song.state) && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
          {song.error}
          {song.errorCode && <span className="ml-1 font-mono text-xs text-red-700">({song.errorCode})</span>}
        </p>
      )}

      {song.state !== "awaiting_upload" && song.state !== "rejected" && <SongAudio songId={song.id} />}

      {analysis && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="song-cards">
            <Card label="Tempo" value={formatBpm(analysis.tempoBpm)} hint="beats per minute" />
            <Card label="Beats" value={String(analysis.beats.length)} hint={`${analysis.downbeats.length} downbeats`} />
            <Card label="Bar" value={formatSeconds(analysis.barSeconds)} hint="four beats" />
            <Card label="Sections" value={String(analysis.sections.length)} hint="where the music changes" />
          </dl>
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label="Sections and energy">
            <h2 className="mb-4 text-base font-semibold text-slate-900">Sections and energy</h2>
            <SongSections analysis={analysis} />
          </section>
        </>
      )}
    </article>
  );
}

function Card({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      <dd className="text-xs text-slate-500">{hint}</dd>
    </div>
  );
}
