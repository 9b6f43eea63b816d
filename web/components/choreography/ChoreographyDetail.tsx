"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDeleteButton } from "@/components/ConfirmDeleteButton";
import { DetailShell } from "@/components/DetailShell";
import { usePolledItem } from "@/components/usePolledItem";
import { deleteChoreography, getChoreography, isChoreographyInProgress, type ChoreographyView } from "@/lib/api";
import { sourceLabel } from "@/lib/choreography-display";
import { formatBpm, formatBytes, formatClock } from "@/lib/format";
import { BlueprintTimeline } from "./BlueprintTimeline";
import { ChoreographyProgress } from "./ChoreographyProgress";
import { ChoreographyStateBadge } from "./ChoreographyStateBadge";

const POLL_INTERVAL_MS = 2000;
const stillChanging = (view: ChoreographyView) => isChoreographyInProgress(view.state);

/** One choreography: live while its video is assembled, then the video; always its plan as a timeline. */
export function ChoreographyDetail({ id }: { id: string }) {
  const { state, reload } = usePolledItem(id, getChoreography, stillChanging, POLL_INTERVAL_MS);
  return (
    <DetailShell backHref="/choreography" backText="← All choreographies" noun="choreography" state={state}>
      {(view) => <LoadedChoreography view={view} onLinkExpired={reload} />}
    </DetailShell>
  );
}

function LoadedChoreography({ view, onLinkExpired }: { view: ChoreographyView; onLinkExpired: () => void }) {
  const router = useRouter();
  const blueprint = view.blueprint;
  return (
    <article className="space-y-6" aria-labelledby="choreography-heading">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 id="choreography-heading" className="text-2xl font-semibold tracking-tight text-slate-900">
              Choreography
            </h1>
            <ChoreographyStateBadge state={view.state} />
          </div>
          <p className="text-sm text-slate-600">
            {sourceLabel(view.source)}
            {blueprint && (
              <>
                {" "}
                · {blueprint.moves.length} moves · {formatClock(blueprint.totalDuration)}
                {blueprint.tempo != null && <> · {formatBpm(blueprint.tempo)}</>}
              </>
            )}
            {view.video && <> · {formatBytes(view.video.sizeBytes)}</>} · made{" "}
            <time dateTime={view.createdAt}>{new Date(view.createdAt).toLocaleString()}</time>
            {view.songId && (
              <>
                {" "}
                ·{" "}
                <Link href={`/songs/${view.songId}`} className="text-indigo-700 underline-offset-2 hover:underline">
                  its song
                </Link>
              </>
            )}
          </p>
        </div>
        <ConfirmDeleteButton
          id={view.id}
          question="Delete this choreography and its video? This cannot be undone."
          onDelete={() => deleteChoreography(view.id)}
          onDeleted={() => router.push("/choreography")}
        />
      </header>

      <ChoreographyProgress view={view} />

      {view.state === "completed" && view.videoUrl && <ChoreographyVideo url={view.videoUrl} onExpired={onLinkExpired} />}

      {blueprint && (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label="Timeline">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Timeline</h2>
          <BlueprintTimeline blueprint={blueprint} />
        </section>
      )}
    </article>
  );
}

/**
 * The assembled video through the view's short-lived link. A link that expired while the page was open is
 * replaced once by reading the choreography again (each read carries a fresh link).
 */
function ChoreographyVideo({ url, onExpired }: { url: string; onExpired: () => void }) {
  const [retried, setRetried] = useState(false);
  return (
    <div className="overflow-hidden rounded-xl bg-slate-900 shadow-sm">
      <video
        key={url}
        src={url}
        controls
        playsInline
        preload="metadata"
        className="mx-auto max-h-[70vh] w-full"
        data-testid="choreography-video"
        onError={() => {
          if (retried) return;
          setRetried(true);
          onExpired();
        }}
      />
    </div>
  );
}
