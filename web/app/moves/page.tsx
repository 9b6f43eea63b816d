import type { Metadata } from "next";
import { RequireSession } from "@/components/RequireSession";
import { MovesLibrary } from "@/components/moves/MovesLibrary";

export const metadata: Metadata = { title: "Moves" };

export default function MovesPage() {
  return (
    <div className="space-y-8">
      <header className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Moves</h1>
        <p className="mt-2 text-slate-700">
          The moves cut from your analyzed videos. Tag their styles and rate their difficulty; choreographies are built from them.
        </p>
      </header>
      <RequireSession>
        <MovesLibrary />
      </RequireSession>
    </div>
  );
}
