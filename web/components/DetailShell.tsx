import Link from "next/link";
import type { ReactNode } from "react";
import type { ItemState } from "@/components/usePolledItem";

/**
 * The frame of a one-item page: a link back to the list, then a loading line, the reason it could not be read
 * (or that there is no such item), or the item itself as `children(item)`.
 */
export function DetailShell<T>({
  backHref,
  backText,
  noun,
  state,
  children,
}: {
  backHref: string;
  backText: string;
  /** What the item is called in the texts: "analysis" gives "Loading the analysis…", "There is no such analysis.". */
  noun: string;
  state: ItemState<T>;
  children: (item: T) => ReactNode;
}) {
  return (
    <div className="space-y-6">
      <Link href={backHref} className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
        {backText}
      </Link>
      {state.kind === "loading" && <p className="text-sm text-slate-600">Loading the {noun}…</p>}
      {state.kind === "error" && (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-5 text-sm text-red-800">
          <p className="font-medium">{state.missing ? `There is no such ${noun}.` : `The ${noun} could not be read.`}</p>
          <p className="mt-1">{state.message}</p>
        </div>
      )}
      {state.kind === "loaded" && children(state.item)}
    </div>
  );
}
