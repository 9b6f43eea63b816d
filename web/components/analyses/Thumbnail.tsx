"use client";

import { useEffect, useState } from "react";
import { getArtifactLink } from "@/lib/api";

/**
 * The analysis's thumbnail, through a short-lived read link (an img element cannot send the token); a
 * plain tile while it loads, before the analysis completes, or when there is none.
 */
export function Thumbnail({ analysisId, available, className = "" }: { analysisId: string; available: boolean; className?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!available) return;
    const controller = new AbortController();
    getArtifactLink(analysisId, "thumbnail", controller.signal).then(
      (link) => setUrl(link.url),
      () => setFailed(true),
    );
    return () => controller.abort();
  }, [analysisId, available]);

  const frame = `relative overflow-hidden rounded-md bg-slate-200 ${className}`;
  if (!available || failed || !url) {
    return (
      <div className={`${frame} flex items-center justify-center`} aria-hidden="true">
        <svg viewBox="0 0 24 24" className="size-6 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
          <path strokeLinecap="round" strokeLinejoin="round" d="m15.75 10.5 4.72-4.72a.75.75 0 0 1 1.28.53v11.38a.75.75 0 0 1-1.28.53l-4.72-4.72M4.5 18.75h9a2.25 2.25 0 0 0 2.25-2.25v-9a2.25 2.25 0 0 0-2.25-2.25h-9A2.25 2.25 0 0 0 2.25 7.5v9a2.25 2.25 0 0 0 2.25 2.25Z" />
        </svg>
      </div>
    );
  }
  return (
    <div className={frame}>
      {/* A storage link that expires: next/image's optimizer would cache it under a URL that stops working. */}
      <img src={url} alt="" className="size-full object-cover" onError={() => setFailed(true)} />
    </div>
  );
}
