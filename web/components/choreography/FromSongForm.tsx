"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import {
  announceAccountChange,
  createFromSong,
  ENERGY_LEVELS,
  listSongs,
  TRANSITIONS,
  type ChoreographyView,
  type EnergyLevel,
  type SongView,
  type Transition,
} from "@/lib/api";
import { transitionLabel } from "@/lib/choreography-display";
import { fromSongRequest } from "@/lib/choreography-form";
import { formatBpm, formatClock } from "@/lib/format";
import { DIFFICULTIES, difficultyLabel, energyLevelLabel } from "@/lib/move-display";
import { FormPanel, SubmitRow, fieldClass, labelClass } from "./FormPanel";

// The api's largest page: enough songs to choose from without paging a select.
const SONGS_PAGE_SIZE = 100;

type SongsState = { kind: "loading" } | { kind: "loaded"; songs: SongView[] } | { kind: "error"; message: string };

/** Pick one of the analyzed songs and the knobs; the api plans the dance from the move library and queues its video. */
export function FromSongForm({ onCreated }: { onCreated: (view: ChoreographyView) => void }) {
  const id = useId();
  const [songs, setSongs] = useState<SongsState>({ kind: "loading" });
  const [songId, setSongId] = useState("");
  const [difficulty, setDifficulty] = useState(3);
  const [energyLevel, setEnergyLevel] = useState<EnergyLevel | "">("");
  const [style, setStyle] = useState("");
  const [length, setLength] = useState("");
  const [transition, setTransition] = useState<Transition>("cut");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listSongs({ pageSize: SONGS_PAGE_SIZE }, controller.signal).then(
      (page) => {
        // Only an analyzed song has the beats a plan needs.
        const completed = page.items.filter((song) => song.state === "completed");
        setSongs({ kind: "loaded", songs: completed });
        setSongId((current) => current || completed[0]?.id || "");
      },
      (caught) => {
        if (!controller.signal.aborted) setSongs({ kind: "error", message: caught instanceof Error ? caught.message : String(caught) });
      },
    );
    return () => controller.abort();
  }, []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = fromSongRequest({ songId, difficulty, energyLevel, style, length, transition });
    if ("error" in built) {
      setError(built.error);
      return;
    }
    setSending(true);
    setError(null);
    try {
      onCreated(await createFromSong(built.request));
      announceAccountChange();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  }

  const noSongs = songs.kind === "loaded" && songs.songs.length === 0;
  return (
    <FormPanel id={id} title="From a song" hint="Choose the song and how the dance should feel.">
      <form onSubmit={submit} className="space-y-4 px-5 py-5">
        <div>
          <label htmlFor={`${id}-song`} className={labelClass}>
            Song
          </label>
          {songs.kind === "loading" && <p className="mt-1 text-sm text-slate-600">Loading your songs…</p>}
          {songs.kind === "error" && (
            <p role="alert" className="mt-1 text-sm text-red-800">
              Your songs could not be read: {songs.message}
            </p>
          )}
          {noSongs && (
            <p className="mt-1 text-sm text-slate-600">
              No analyzed song yet.{" "}
              <Link href="/songs" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                Add a song
              </Link>{" "}
              and wait until it is completed.
            </p>
          )}
          {songs.kind === "loaded" && songs.songs.length > 0 && (
            <select id={`${id}-song`} value={songId} disabled={sending} onChange={(e) => setSongId(e.target.value)} className={fieldClass}>
              {songs.songs.map((song) => (
                <option key={song.id} value={song.id}>
                  {song.title} ({[song.audio && formatClock(song.audio.durationSeconds), formatBpm(song.tempoBpm)].filter(Boolean).join(" · ")})
                </option>
              ))}
            </select>
          )}
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-difficulty`} className={labelClass}>
              Difficulty
            </label>
            <select id={`${id}-difficulty`} value={difficulty} disabled={sending} onChange={(e) => setDifficulty(Number(e.target.value))} className={fieldClass}>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {difficultyLabel(d)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-energy`} className={labelClass}>
              Energy
            </label>
            <select
              id={`${id}-energy`}
              value={energyLevel}
              disabled={sending}
              onChange={(e) => setEnergyLevel(e.target.value as EnergyLevel | "")}
              className={fieldClass}
            >
              <option value="">Follow the song</option>
              {ENERGY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {energyLevelLabel(level)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-style`} className={labelClass}>
              Style <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input id={`${id}-style`} type="text" maxLength={40} value={style} disabled={sending} placeholder="Any style" onChange={(e) => setStyle(e.target.value)} className={fieldClass} />
          </div>
          <div>
            <label htmlFor={`${id}-length`} className={labelClass}>
              Length in seconds <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input
              id={`${id}-length`}
              type="number"
              min={1}
              max={1200}
              step="any"
              inputMode="decimal"
              value={length}
              disabled={sending}
              placeholder="The whole song"
              onChange={(e) => setLength(e.target.value)}
              className={fieldClass}
            />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-transition`} className={labelClass}>
              Between moves
            </label>
            <select id={`${id}-transition`} value={transition} disabled={sending} onChange={(e) => setTransition(e.target.value as Transition)} className={fieldClass}>
              {TRANSITIONS.map((t) => (
                <option key={t} value={t}>
                  {transitionLabel(t)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <SubmitRow error={error} sending={sending} disabled={!songId} label="Choreograph" />
      </form>
    </FormPanel>
  );
}
