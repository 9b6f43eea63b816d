"use client";

import Link from "next/link";
import { ListSection } from "@/components/ListSection";
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

  return (
    <ListSection
      headingId="moves-heading"
      heading="Your moves"
      list={list}
      reload={reload}
      pageNumber={pageNumber}
      pageSize={PAGE_SIZE}
      onPage={setPageNumber}
      failedText="The library could not be read"
      loadingText="Loading your moves…"
      emptyText={
        <>
          No moves yet. Moves are cut from your analyzed videos:{" "}
          <Link href="/analyses" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
            analyze a dance
          </Link>{" "}
          to fill the library.
        </>
      }
      listTestId="moves-grid"
      listClassName="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      {shown?.items.map((move) => (
        <MoveCard key={`${move.id}-${move.updatedAt}`} initial={move} onDeleted={reload} />
      ))}
    </ListSection>
  );
}
