"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { UploadProgress } from "@/components/UploadProgress";
import { announceAccountChange, isAbort, uploadSong, type SongView } from "@/lib/api";
import { formatBytes } from "@/lib/format";

type FormState =
  | { kind: "idle" }
  | { kind: "sending"; loaded: number; total: number }
  | { kind: "started"; song: SongView }
  | { kind: "error"; message: string };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30";

/** Pick a song, name it if you like, and upload it through the gateway; its analysis is queued at once. */
export function SongUploadForm({ onChange }: { onChange?: () => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [state, setState] = useState<FormState>({ kind: "idle" });
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const sending = state.kind === "sending";

  function choose(chosen: File | null | undefined) {
    if (!chosen) return;
    setFile(chosen);
    setState(
      chosen.type && !chosen.type.startsWith("audio/")
        ? { kind: "error", message: `"${chosen.name}" is not audio (${chosen.type}). Choose a song, e.g. MP3, WAV, OGG, FLAC or M4A.` }
        : { kind: "idle" },
    );
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setState({ kind: "error", message: "Choose a song to upload first." });
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ kind: "sending", loaded: 0, total: file.size });
    try {
      const song = await uploadSong(file, { title }, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) => setState((s) => (s.kind === "sending" ? { ...s, loaded, total } : s)),
      });
      setState({ kind: "started", song });
      setFile(null);
      setTitle("");
      if (inputRef.current) inputRef.current.value = "";
      announceAccountChange();
    } catch (error) {
      setState(isAbort(error) ? { kind: "idle" } : { kind: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      abortRef.current = null;
      onChange?.();
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-5 py-4">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          Add a song
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">MP3, WAV, OGG, FLAC or M4A. Its tempo, beats and sections are found for you.</p>
      </header>

      <form onSubmit={submit} className="space-y-5 px-5 py-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
              Song file
            </label>
            <input
              ref={inputRef}
              id={`${id}-file`}
              type="file"
              accept="audio/*"
              disabled={sending}
              onChange={(e) => choose(e.target.files?.[0])}
              className="mt-1 block max-w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-indigo-800 hover:file:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            />
            {file && (
              <p className="mt-1 text-sm font-medium text-slate-900" data-testid="chosen-song">
                {file.name} <span className="font-normal text-slate-600">· {formatBytes(file.size)}</span>
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-title`} className="block text-sm font-medium text-slate-800">
              Title <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input
              id={`${id}-title`}
              type="text"
              maxLength={200}
              value={title}
              disabled={sending}
              placeholder="The file's name"
              onChange={(e) => setTitle(e.target.value)}
              className={inputClass}
            />
          </div>
        </div>

        {state.kind === "sending" && <SendingProgress {...state} onCancel={() => abortRef.current?.abort()} />}

        {state.kind === "error" && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
            {state.message}
          </p>
        )}

        {state.kind === "started" && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-600/20">
            “{state.song.title}” is uploaded and queued for analysis.{" "}
            <Link href={`/songs/${state.song.id}`} className="font-medium underline underline-offset-2">
              Open it →
            </Link>
          </p>
        )}

        <button
          type="submit"
          disabled={sending || !file}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {sending ? "Uploading…" : "Upload and analyze"}
        </button>
      </form>
    </section>
  );
}

function SendingProgress({ loaded, total, onCancel }: { loaded: number; total: number; onCancel: () => void }) {
  const fraction = total > 0 ? loaded / total : 0;
  const uploaded = fraction >= 1;
  return (
    <UploadProgress
      fraction={fraction}
      indeterminate={uploaded}
      caption={uploaded ? "Uploaded. Checking the song…" : `Uploading ${formatBytes(loaded)} of ${formatBytes(total)} · ${Math.round(fraction * 100)}%`}
      canCancel={!uploaded}
      onCancel={onCancel}
    />
  );
}
