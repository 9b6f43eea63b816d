"use client";

import { useEffect, useState } from "react";
import { getMoveLink } from "@/lib/api";

/**
 * The move's thumbnail; a click swaps it for the clip, playing. Both come through short-lived read links (img and
 * video elements cannot send the token), so the clip's link is asked for only when someone wants to watch.
 */
export function MoveMedia({ moveId, name }: { moveId: string; name: string }) {
  const [thumbnail, setThumbnail] = useState<string | null>(null);
  const [clip, setClip] = useState<{ state: "idle" } | { state: "loading" } | { state: "playing"; url: string } | { state: "error"; message: string }>({
    state: "idle",
  });

  useEffect(() => {
    const controller = new AbortController();
    getMoveLink(moveId, "thumbnail", controller.signal).then(
      (link) => setThumbnail(link.url),
      () => undefined,
    );
    return () => controller.abort();
  }, [moveId]);

  async function play() {
    setClip({ state: "loading" });
    try {
      const link = await getMoveLink(moveId, "clip");
      setClip({ state: "playing", url: link.url });
    } catch (error) {
      setClip({ state: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }

  const frame = "relative aspect-square w-full overflow-hidden rounded-t-xl bg-slate-900";
  if (clip.state === "playing") {
    return (
      <div className={frame}>
        <video src={clip.url} poster={thumbnail ?? undefined} controls autoPlay loop playsInline className="size-full object-contain" data-testid="move-clip" />
      </div>
    );
  }
  return (
    <div className={frame}>
      <button
        type="button"
        onClick={play}
        disabled={clip.state === "loading"}
        aria-label={`Play ${name}`}
        className="group size-full focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-400"
      >
        {/* A storage link that expires: next/image's optimizer would cache it under a URL that stops working. */}
        {thumbnail ? <img src={thumbnail} alt="" className="size-full object-cover" onError={() => setThumbnail(null)} /> : <span className="block size-full bg-slate-200" />}
        <span className="absolute inset-0 flex items-center justify-center bg-slate-900/0 transition-colors group-hover:bg-slate-900/30">
          <span className="flex size-12 items-center justify-center rounded-full bg-white/90 text-indigo-700 shadow">
            {clip.state === "loading" ? (
              <span className="size-4 rounded-full bg-indigo-500 motion-safe:animate-pulse" aria-hidden="true" />
            ) : (
              <svg viewBox="0 0 24 24" className="ml-0.5 size-5" fill="currentColor" aria-hidden="true">
                <path d="M8 5.14v13.72a1 1 0 0 0 1.5.86l11-6.86a1 1 0 0 0 0-1.72l-11-6.86A1 1 0 0 0 8 5.14Z" />
              </svg>
            )}
          </span>
        </span>
      </button>
      {clip.state === "error" && (
        <p role="alert" className="absolute inset-x-2 bottom-2 rounded-md bg-red-50 px-2 py-1 text-xs text-red-800">
          {clip.message}
        </p>
      )}
    </div>
  );
}
