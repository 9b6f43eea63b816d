"use client";

import { useEffect, useRef, useState } from "react";
import {
  ApiError,
  getAnalysis,
  isFinalJobState,
  isInProgress,
  jobEventsUrl,
  parseJobProgressEvent,
  withJobEvent,
  type AnalysisView,
} from "@/lib/api";

const POLL_INTERVAL_MS = 1500;

/**
 * Follows an analysis until it settles: the job's Server-Sent Events while they flow, polling the analysis
 * when there is no job yet or the stream fails. Calls `onSettled` once with the final view.
 */
export function useLiveAnalysis(initial: AnalysisView, onSettled?: (view: AnalysisView) => void) {
  const [view, setView] = useState(initial);
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });

  const { id, jobId } = view;
  const active = isInProgress(view.state);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let events: EventSource | null = null;
    const controller = new AbortController();

    async function poll() {
      try {
        const next = await getAnalysis(id, controller.signal);
        if (stopped) return;
        setView(next);
        if (!isInProgress(next.state)) return;
      } catch (error) {
        if (stopped) return;
        // Gone (deleted) or signed out: nothing more to follow. Anything else may pass; keep trying.
        if (error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 401)) return;
      }
      timer = setTimeout(poll, POLL_INTERVAL_MS);
    }

    if (jobId && typeof EventSource !== "undefined") {
      let lastSequence = -Infinity;
      const stream = new EventSource(jobEventsUrl(jobId));
      events = stream;
      const onEvent = (message: MessageEvent<string>) => {
        let event;
        try {
          event = parseJobProgressEvent(message.data);
        } catch {
          return;
        }
        if (event.sequence <= lastSequence) return;
        lastSequence = event.sequence;
        setView((current) => withJobEvent(current, event));
        if (isFinalJobState(event.state)) {
          stream.close();
          void poll();
        }
      };
      stream.addEventListener("snapshot", onEvent);
      stream.addEventListener("update", onEvent);
      // The stream also "fails" when the api ends it; either way the analysis itself says what happened.
      stream.onerror = () => {
        stream.close();
        if (!stopped) timer = setTimeout(poll, POLL_INTERVAL_MS);
      };
    } else {
      timer = setTimeout(poll, POLL_INTERVAL_MS);
    }

    return () => {
      stopped = true;
      controller.abort();
      events?.close();
      clearTimeout(timer);
    };
  }, [id, jobId, active]);

  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) settled.current?.(view);
    wasActive.current = active;
  }, [active, view]);

  return { view };
}
