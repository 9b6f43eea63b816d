"use client";

import { useCallback, useEffect, useState } from "react";

export interface Paged<T> {
  items: T[];
  total: number;
}

export type PageState<P> = { kind: "loading" } | { kind: "loaded"; page: P } | { kind: "error"; message: string; page: P | null };

/**
 * One page of a list, read again every `intervalMs` while any item on it can still change (so progress moves
 * without a reload). `load` must be stable (a module function, or wrapped in useCallback).
 */
export function usePolledPage<T, P extends Paged<T>>(
  load: (page: number, signal: AbortSignal) => Promise<P>,
  { stillChanging, intervalMs }: { stillChanging: (item: T) => boolean; intervalMs: number },
) {
  const [pageNumber, setPageNumber] = useState(1);
  const [list, setList] = useState<PageState<P>>({ kind: "loading" });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const shown = list.kind === "loading" ? null : list.page;
  const anyChanging = shown?.items.some(stillChanging) ?? false;

  useEffect(() => {
    const controller = new AbortController();
    load(pageNumber, controller.signal).then(
      (page) => setList({ kind: "loaded", page }),
      (error) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        // Keep what was shown: a failed refresh should not blank the list.
        setList((current) => ({ kind: "error", message, page: current.kind === "loading" ? null : current.page }));
      },
    );
    return () => controller.abort();
  }, [load, pageNumber, reloads]);

  useEffect(() => {
    if (!anyChanging) return;
    const timer = setTimeout(reload, intervalMs);
    return () => clearTimeout(timer);
  }, [anyChanging, reload, intervalMs, list]);

  return { list, shown, pageNumber, setPageNumber, reload };
}
