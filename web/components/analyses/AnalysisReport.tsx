"use client";

import { useEffect, useRef, useState } from "react";
import { getAnalysisResult, getArtifactLink, type AnalysisResult, type AnalysisView, type Artifact } from "@/lib/api";
import { formatSeconds } from "@/lib/format";
import { BodyPartActivity } from "./BodyPartActivity";
import { MovementTimeline } from "./MovementTimeline";
import { SegmentsList } from "./SegmentsList";
import { SummaryCards } from "./SummaryCards";

type ResultState = { kind: "loading" } | { kind: "loaded"; result: AnalysisResult } | { kind: "error"; message: string };

/** A completed analysis: the video (with the skeleton when it was asked for), the numbers and the charts. */
export function AnalysisReport({ view }: { view: AnalysisView }) {
  const [result, setResult] = useState<ResultState>({ kind: "loading" });
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    getAnalysisResult(view.id, controller.signal).then(
      (loaded) => setResult({ kind: "loaded", result: loaded }),
      (error) => {
        if (!controller.signal.aborted) setResult({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [view.id]);

  const summary = view.summary;
  const durationS = summary?.durationSeconds ?? view.video?.durationSeconds ?? 0;
  const notes = result.kind === "loaded" ? result.result.notes : (summary?.notes ?? []);
  const seek = (seconds: number) => {
    const player = videoRef.current;
    if (!player) return;
    player.currentTime = seconds;
    void player.play().catch(() => undefined);
  };

  return (
    <div className="space-y-8">
      <VideoPlayer analysisId={view.id} overlay={view.overlay} videoRef={videoRef} />

      {summary && (
        <SummaryCards summary={summary} rhythmConsistency={result.kind === "loaded" ? result.result.rhythm.rhythmConsistency : null} />
      )}

      {result.kind === "loading" && <p className="text-sm text-slate-600">Loading the full results…</p>}
      {result.kind === "error" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
          The full results could not be read: {result.message}
        </p>
      )}

      {result.kind === "loaded" && (
        <>
          <Panel title="Movement over time">
            <MovementTimeline runs={result.result.movement.timeline} durationS={durationS} beatsS={result.result.rhythm.peaksS} />
          </Panel>
          <div className="grid gap-6 lg:grid-cols-2">
            <Panel title="Body-part activity">
              <BodyPartActivity activity={result.result.movement.bodyPartActivity} />
            </Panel>
            <Panel title="Segments">
              <SegmentsList segments={result.result.segments} onSeek={seek} />
            </Panel>
          </div>
        </>
      )}

      {notes.length > 0 && (
        <Panel title="Notes">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Panel>
      )}

      {summary && (
        <p className="text-xs text-slate-500">
          Analyzed {summary.totalFrames} frames in {formatSeconds(summary.processingTimeSeconds)}.
        </p>
      )}
    </div>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label={title}>
      <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/**
 * The overlay video through a short-lived read link (a video element cannot send the token), or the original when
 * there is no overlay. A link that expired while the page was open is fetched again once.
 */
function VideoPlayer({ analysisId, overlay, videoRef }: { analysisId: string; overlay: boolean; videoRef: React.RefObject<HTMLVideoElement | null> }) {
  const [source, setSource] = useState<{ url: string; artifact: Artifact } | null>(null);
  const [poster, setPoster] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    async function load() {
      const preferred: Artifact[] = overlay ? ["overlay", "original"] : ["original"];
      for (const artifact of preferred) {
        try {
          const link = await getArtifactLink(analysisId, artifact, controller.signal);
          setSource({ url: link.url, artifact });
          return;
        } catch (caught) {
          if (controller.signal.aborted) return;
          if (artifact === preferred[preferred.length - 1]) setError(caught instanceof Error ? caught.message : String(caught));
        }
      }
    }
    void load();
    getArtifactLink(analysisId, "thumbnail", controller.signal).then(
      (link) => setPoster(link.url),
      () => undefined,
    );
    return () => controller.abort();
  }, [analysisId, overlay, attempt]);

  if (error) {
    return (
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/25">
        The video cannot be shown: {error}
      </p>
    );
  }
  return (
    <figure className="space-y-2">
      <div className="overflow-hidden rounded-xl bg-slate-900 shadow-sm">
        {source ? (
          <video
            ref={videoRef}
            key={source.url}
            src={source.url}
            poster={poster}
            controls
            playsInline
            preload="metadata"
            className="mx-auto max-h-[70vh] w-full"
            onError={() => {
              if (attempt === 0) setAttempt(1);
            }}
            data-testid="analysis-video"
            data-artifact={source.artifact}
          />
        ) : (
          <div className="flex aspect-video items-center justify-center text-sm text-slate-300">Loading the video…</div>
        )}
      </div>
      <figcaption className="text-xs text-slate-500">
        {source?.artifact === "overlay" ? "The video with the detected skeleton drawn on it." : "The uploaded video (no overlay was made)."}
      </figcaption>
    </figure>
  );
}
