"use client";

import { useEffect, useState } from "react";
import { getSongAudioLink } from "@/lib/api";

/**
 * The song through a short-lived read link (an audio element cannot send the token). A link that expired while
 * the page was open is fetched again once.
 */
export function SongAudio({ songId }: { songId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getSongAudioLink(songId, controller.signal).then(
      (link) => setUrl(link.url),
      (caught) => {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
      },
    );
    return () => controller.abort();
  }, [songId, attempt]);

  if (error) {
    return (
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/25">
        The song cannot be played: {error}
      </p>
    );
  }
  if (!url) return <p className="text-sm text-slate-600">Loading the player…</p>;
  return (
    <audio
      key={url}
      src={url}
      controls
      preload="metadata"
      className="w-full"
      data-testid="song-audio"
      onError={() => {
        if (attempt === 0) setAttempt(1);
      }}
    />
  );
}
