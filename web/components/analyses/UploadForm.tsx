"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { UploadProgress } from "@/components/UploadProgress";
import { announceAccountChange, isAbort, POSE_MODELS, uploadVideo, type AnalysisView, type PoseModel, type UploadPhase } from "@/lib/api";
import { formatBytes, formatModel } from "@/lib/format";
import { LiveProgress } from "./LiveProgress";
import { StateBadge } from "./StateBadge";
import { useLiveAnalysis } from "./useLiveAnalysis";

type FormState =
  | { kind: "idle" }
  | { kind: "sending"; phase: UploadPhase; loaded: number; total: number }
  | { kind: "started"; view: AnalysisView }
  | { kind: "error"; message: string };

const modelHints: Record<PoseModel, string> = {
  "movenet-lightning": "fastest",
  "movenet-thunder": "more accurate",
  blazepose: "33 landmarks",
};

/** Pick or drop a video, choose how to analyze it, upload it and follow the analysis. */
export function UploadForm({ onChange }: { onChange?: () => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [model, setModel] = useState<PoseModel>("movenet-lightning");
  const [overlay, setOverlay] = useState(true);
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<FormState>({ kind: "idle" });
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const sending = state.kind === "sending";

  function choose(chosen: File | null | undefined) {
    if (!chosen) return;
    setFile(chosen);
    setState(
      chosen.type && !chosen.type.startsWith("video/")
        ? { kind: "error", message: `"${chosen.name}" is not a video (${chosen.type}). Choose a video file, e.g. MP4, MOV or WebM.` }
        : { kind: "idle" },
    );
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setState({ kind: "error", message: "Choose a video to analyze first." });
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ kind: "sending", phase: "preparing", loaded: 0, total: file.size });
    try {
      const view = await uploadVideo(
        file,
        { model, overlay },
        {
          signal: controller.signal,
          onPhase: (phase) => setState((s) => (s.kind === "sending" ? { ...s, phase } : s)),
          onProgress: ({ loaded, total }) => setState((s) => (s.kind === "sending" ? { ...s, loaded, total } : s)),
        },
      );
      setState({ kind: "started", view });
      setFile(null);
      if (inputRef.current) inputRef.current.value = "";
      announceAccountChange();
      onChange?.();
    } catch (error) {
      setState(
        isAbort(error)
          ? { kind: "idle" }
          : { kind: "error", message: error instanceof Error ? error.message : String(error) },
      );
      onChange?.();
    } finally {
      abortRef.current = null;
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-5 py-4">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          Analyze a video
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">Up to 10 minutes and 2 GiB. One person dancing works best.</p>
      </header>

      <form onSubmit={submit} className="space-y-5 px-5 py-5">
        <div
          onDragOver={(e) => {
            e.preventDefault();
            if (!sending) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (!sending) choose(e.dataTransfer.files[0]);
          }}
          className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors ${
            dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-slate-50"
          }`}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-8 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
            <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
          </svg>
          <label htmlFor={`${id}-file`} className="text-sm text-slate-700">
            Drag a video here, or choose one
          </label>
          <input
            ref={inputRef}
            id={`${id}-file`}
            type="file"
            accept="video/*"
            disabled={sending}
            onChange={(e) => choose(e.target.files?.[0])}
            className="max-w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-indigo-800 hover:file:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          />
          {file && (
            <p className="text-sm font-medium text-slate-900" data-testid="chosen-file">
              {file.name} <span className="font-normal text-slate-600">· {formatBytes(file.size)}</span>
            </p>
          )}
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-model`} className="block text-sm font-medium text-slate-800">
              Pose model
            </label>
            <select
              id={`${id}-model`}
              value={model}
              disabled={sending}
              onChange={(e) => setModel(e.target.value as PoseModel)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
            >
              {POSE_MODELS.map((name) => (
                <option key={name} value={name}>
                  {formatModel(name)} ({modelHints[name]})
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-end">
            <label className="flex cursor-pointer items-center gap-3 py-2 text-sm text-slate-800">
              <input
                type="checkbox"
                role="switch"
                checked={overlay}
                disabled={sending}
                onChange={(e) => setOverlay(e.target.checked)}
                className="size-4 rounded border-slate-300 accent-indigo-700"
              />
              <span>
                <span className="font-medium">Skeleton overlay video</span>
                <span className="block text-slate-600">The video with the detected pose drawn on it.</span>
              </span>
            </label>
          </div>
        </div>

        {state.kind === "sending" && <SendingProgress {...state} onCancel={() => abortRef.current?.abort()} />}

        {state.kind === "error" && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
            {state.message}
          </p>
        )}

        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={sending || !file}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {sending ? "Uploading…" : "Upload and analyze"}
          </button>
        </div>
      </form>

      {state.kind === "started" && (
        <StartedAnalysis key={state.view.id} initial={state.view} onSettled={() => onChange?.()} />
      )}
    </section>
  );
}

function SendingProgress({ phase, loaded, total, onCancel }: { phase: UploadPhase; loaded: number; total: number; onCancel: () => void }) {
  const fraction = total > 0 ? loaded / total : 0;
  const uploaded = phase === "uploading" && fraction >= 1;
  const caption =
    phase === "preparing"
      ? "Preparing the upload…"
      : phase === "checking" || uploaded
        ? "Uploaded. Checking the video…"
        : `Uploading ${formatBytes(loaded)} of ${formatBytes(total)} · ${Math.round(fraction * 100)}%`;
  return (
    <UploadProgress
      fraction={fraction}
      indeterminate={phase !== "uploading"}
      caption={caption}
      canCancel={phase === "uploading" && !uploaded}
      onCancel={onCancel}
    />
  );
}

function StartedAnalysis({ initial, onSettled }: { initial: AnalysisView; onSettled: () => void }) {
  const { view } = useLiveAnalysis(initial, () => {
    announceAccountChange();
    onSettled();
  });
  return (
    <div data-testid="started-analysis" className="space-y-3 border-t border-slate-200 px-5 py-4">
      <div className="flex items-center justify-between gap-4">
        <p className="min-w-0 truncate text-sm font-medium text-slate-900">{view.fileName}</p>
        <StateBadge state={view.state} />
      </div>
      <LiveProgress view={view} />
      <Link href={`/analyses/${view.id}`} className="inline-block text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
        {view.state === "completed" ? "See the results →" : "Open this analysis →"}
      </Link>
    </div>
  );
}
