import type { Metadata } from "next";
import { ChoreographyWorkspace } from "@/components/choreography/ChoreographyWorkspace";
import { RequireSession } from "@/components/RequireSession";

export const metadata: Metadata = { title: "Choreography" };

export default function ChoreographyPage() {
  return (
    <div className="space-y-8">
      <header className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Choreography</h1>
        <p className="mt-2 text-slate-700">
          Get a dance for one of your songs, built from the moves in your library and timed to the music&apos;s beat.
        </p>
      </header>
      <RequireSession>
        <ChoreographyWorkspace />
      </RequireSession>
    </div>
  );
}
