"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDeleteButton } from "@/components/ConfirmDeleteButton";
import { deleteMove, type MoveView } from "@/lib/api";
import { formatSeconds, humanize } from "@/lib/format";
import { difficultyLabel, energyLabel } from "@/lib/move-display";
import { MoveEditor } from "./MoveEditor";
import { MoveMedia } from "./MoveMedia";

/** One move of the library: its clip, its numbers and tags, and ways to retag, rate or delete it. */
export function MoveCard({ initial, onDeleted }: { initial: MoveView; onDeleted: () => void }) {
  const [move, setMove] = useState(initial);
  const [editing, setEditing] = useState(false);

  return (
    <li className="flex flex-col rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="move-card" data-move-id={move.id}>
      <MoveMedia moveId={move.id} name={move.name} />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div>
          <h3 className="truncate text-sm font-semibold text-slate-900" title={move.name}>
            {move.name}
          </h3>
          <p className="text-xs text-slate-600">
            {formatSeconds(move.durationSeconds)} · {humanize(move.movementType)} ·{" "}
            <Link href={`/analyses/${move.analysisId}`} className="text-indigo-700 underline-offset-2 hover:underline">
              from its video
            </Link>
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-2 text-xs">
          <div>
            <dt className="text-slate-500">Energy</dt>
            <dd className="text-slate-800">{energyLabel(move.energy)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Difficulty</dt>
            <dd className="text-slate-800">{difficultyLabel(move.difficulty)}</dd>
          </div>
        </dl>

        {editing ? (
          <MoveEditor
            move={move}
            onSaved={(saved) => {
              setMove(saved);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <ul className="flex flex-wrap gap-1" aria-label="Style tags">
              {move.styles.map((style) => (
                <li key={style} className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-600/20">
                  {style}
                </li>
              ))}
              {move.styles.length === 0 && <li className="text-xs text-slate-500">No style tags yet.</li>}
            </ul>
            <div className="mt-auto flex flex-wrap items-start gap-2 pt-2">
              <button
                type="button"
                onClick={() => setEditing(true)}
                className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                Edit
              </button>
              <ConfirmDeleteButton
                id={move.id}
                question={
                  <>
                    Remove <span className="font-medium">{move.name}</span> from your library? Its video&apos;s analysis stays.
                  </>
                }
                onDelete={() => deleteMove(move.id)}
                onDeleted={onDeleted}
              />
            </div>
          </>
        )}
      </div>
    </li>
  );
}
