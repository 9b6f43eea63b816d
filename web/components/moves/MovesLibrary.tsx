"use client";

import Link from "next/link";
import { Pager } from "@/components/Pager";
import { usePolledPage } from "@/components/usePolledPage";
import { listMoves } from "@/lib/api";
import { MoveCard } from "./MoveCard";

const PAGE_SIZE = 24;
// Moves do not change by themselves: the list is read on arrival and after a delete, never polled.
const neverChanging = () => false;
const loadPage = (page: number, signal: AbortSignal) => listMoves({ page, pageSize: PAGE_SIZE }, signal);

/** The caller's moves as a grid of clips, newest first. */
export function MovesLibrary() {
  const { list, shown, pageNumber, setPageNumber, reload } = usePolledPage(loadPage, { stillChanging: neverChanging, intervalMs: 0 });
  const pages = shown ? Math.max(1, Math.ceil(shown.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="moves-heading" aria-busy={list.kind === "loading"}>
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="moves-heading" className="text-lg font-semibold text-slate-900">
          Your moves
        </h2>
        {shown && <p className="text-sm text-slate-600">{shown.total} in all</p>}
      </div>

      {list.kind === "error" && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
          The library could not be read: {list.message}{" "}
          <button type="button" onClick={reload} className="font-medium underline underline-offset-2">
            Try again
          </button>
        </p>
      )}

      {list.kind === "loading" && <p className="mt-4 text-sm text-slate-600">Loading your moves…</p>}

      {shown && shown.items.length === 0 && (
        <p className="mt-4 rounded-xl border border-dashed border-slate-300 px-5 py-8 text-center text-sm text-slate-600">
          No moves yet. Moves are cut from your analyzed videos:{" "}
          <Link href="/analyses" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
            analyze a dance
          </Link>{" "}
          to fill the library.
        </p>
      )}

      {shown && shown.items.length > 0 && (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="moves-grid">
          {shown.items.map((move) => (
            <MoveCard key={`${move.id}-${move.updatedAt}`} initial={move} onDeleted={reload} />
          ))}
        </ul>
      )}

      {shown && <Pager pageNumber={pageNumber} pages={pages} onPage={setPageNumber} />}
    </section>
  );
}
