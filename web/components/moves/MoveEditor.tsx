"use client";

import { useId, useState } from "react";
import { updateMove, type MoveView } from "@/lib/api";
import { DIFFICULTIES, difficultyLabel, parseStyleTags, styleTagsProblem } from "@/lib/move-display";

/** Style tags (comma-separated) and difficulty, saved with PATCH; the card shows the move as the api saved it. */
export function MoveEditor({ move, onSaved, onCancel }: { move: MoveView; onSaved: (move: MoveView) => void; onCancel: () => void }) {
  const id = useId();
  const [styles, setStyles] = useState(move.styles.join(", "));
  const [difficulty, setDifficulty] = useState(move.difficulty);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tags = parseStyleTags(styles);
    const problem = styleTagsProblem(tags);
    if (problem) {
      setError(problem);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await updateMove(move.id, { styles: tags, difficulty }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setSaving(false);
    }
  }

  const field =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30";
  return (
    <form onSubmit={save} className="space-y-2" aria-label={`Edit ${move.name}`}>
      <div>
        <label htmlFor={`${id}-styles`} className="block text-xs font-medium text-slate-700">
          Style tags, separated by commas
        </label>
        <input id={`${id}-styles`} type="text" value={styles} disabled={saving} onChange={(e) => setStyles(e.target.value)} placeholder="salsa, social" className={field} />
      </div>
      <div>
        <label htmlFor={`${id}-difficulty`} className="block text-xs font-medium text-slate-700">
          Difficulty
        </label>
        <select id={`${id}-difficulty`} value={difficulty} disabled={saving} onChange={(e) => setDifficulty(Number(e.target.value))} className={field}>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {difficultyLabel(d)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={saving}
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
        >
          {saving ? "Saving…" : "Save"}
        </button>
        <button type="button" disabled={saving} onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </form>
  );
}
