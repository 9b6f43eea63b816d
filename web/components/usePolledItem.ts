"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiError } from "@/lib/api";

export type ItemState<T> =
  | { kind: "loading" }
  | { kind: "loaded"; item: T }
  | { kind: "error"; message: string; missing: boolean };

/**
 * One item by id, read again every `intervalMs` while it can still change. A failed refresh keeps what was
 * shown; a 404 (deleted elsewhere) or 401 (signed out) stops the polling. `load` and `stillChanging` must be stable.
 */
export function usePolledItem<T>(
  id: string,
  load: (id: string, signal: AbortSignal) => Promise<T>,
  stillChanging: (item: T) => boolean,
  intervalMs: number,
) {
  const [state, setState] = useState<ItemState<T>>({ kind: "loading" });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function read() {
      try {
        const item = await load(id, controller.signal);
        if (controller.signal.aborted) return;
        setState({ kind: "loaded", item });
        if (!stillChanging(item)) return;
      } catch (error) {
        if (controller.signal.aborted) return;
        const status = error instanceof ApiError ? error.httpStatus : undefined;
        const missing = status === 404 || status === 400;
        setState((current) =>
          current.kind === "loaded" && !missing ? current : { kind: "error", message: error instanceof Error ? error.message : String(error), missing },
        );
        if (missing || status === 401) return;
      }
      timer = setTimeout(read, intervalMs);
    }

    void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, load, stillChanging, intervalMs, reloads]);

  return { state, reload };
}
