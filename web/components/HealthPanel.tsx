"use client";

import { useEffect, useState } from "react";
import { Badge, type Tone } from "@/components/Badge";
import { getHealth, type HealthReport, type HealthStatus } from "@/lib/api";

const POLL_INTERVAL_MS = 5000;

type PanelState =
  | { kind: "loading" }
  | { kind: "loaded"; report: HealthReport; checkedAt: Date }
  | { kind: "error"; message: string; checkedAt: Date };

export function HealthPanel() {
  const [state, setState] = useState<PanelState>({ kind: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    // Schedule the next poll only after this one settles, so a slow api never gets
    // overlapping requests.
    async function poll() {
      try {
        const report = await getHealth(controller.signal);
        setState({ kind: "loaded", report, checkedAt: new Date() });
      } catch (error) {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ kind: "error", message, checkedAt: new Date() });
      }
      if (!controller.signal.aborted) timer = setTimeout(poll, POLL_INTERVAL_MS);
    }

    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, []);

  const dataStatus =
    state.kind === "loaded" ? state.report.status : state.kind === "error" ? "error" : "loading";

  return (
    <section
      data-testid="api-health"
      data-status={dataStatus}
      aria-labelledby="api-health-heading"
      aria-busy={state.kind === "loading"}
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-5 py-4">
        <h2 id="api-health-heading" className="text-base font-semibold text-slate-900">
          System status
        </h2>
        <p aria-live="polite">
          {state.kind === "loading" && <Badge tone="neutral">Checking…</Badge>}
          {state.kind === "error" && <Badge tone="error">Unavailable</Badge>}
          {state.kind === "loaded" && <StatusBadge status={state.report.status} />}
        </p>
      </header>

      {state.kind === "loading" && <p className="px-5 py-6 text-sm text-slate-600">Checking…</p>}

      {state.kind === "error" && (
        <div role="alert" className="px-5 py-6 text-sm">
          <p className="font-medium text-red-800">The system status could not be read.</p>
          <p className="mt-1 text-slate-700">{state.message}</p>
          <p className="mt-1 text-slate-600">Trying again every {POLL_INTERVAL_MS / 1000} s.</p>
        </div>
      )}

      {state.kind === "loaded" && (
        <ul className="divide-y divide-slate-100">
          {state.report.checks.map((check) => (
            <li
              key={check.name}
              data-testid={`health-check-${check.name}`}
              data-status={check.status}
              className="flex items-center justify-between gap-4 px-5 py-3"
            >
              <div className="min-w-0">
                <p className="font-mono text-sm font-medium text-slate-900">{check.name}</p>
                {check.description && (
                  <p className="truncate text-sm text-slate-600" title={check.description}>
                    {check.description}
                  </p>
                )}
              </div>
              <div className="flex shrink-0 items-center gap-3">
                <span className="text-sm tabular-nums text-slate-600">
                  {formatDuration(check.durationMs)}
                </span>
                <StatusBadge status={check.status} />
              </div>
            </li>
          ))}
          {state.report.checks.length === 0 && (
            <li className="px-5 py-3 text-sm text-slate-600">The api reports no dependency checks.</li>
          )}
        </ul>
      )}

      {state.kind !== "loading" && (
        <footer className="border-t border-slate-200 px-5 py-3 text-xs text-slate-600">
          Last checked {state.checkedAt.toLocaleTimeString()}
          {state.kind === "loaded" && <> · took {formatDuration(state.report.durationMs)}</>}
        </footer>
      )}
    </section>
  );
}

const toneByStatus: Record<HealthStatus, Tone> = {
  Healthy: "ok",
  Degraded: "warn",
  Unhealthy: "error",
};

function StatusBadge({ status }: { status: HealthStatus }) {
  return <Badge tone={toneByStatus[status]}>{status}</Badge>;
}

function formatDuration(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
