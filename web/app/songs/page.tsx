import type { Metadata } from "next";
import { RequireSession } from "@/components/RequireSession";
import { SongsWorkspace } from "@/components/songs/SongsWorkspace";

export const metadata: Metadata = { title: "Songs" };

export default function SongsPage() {
  return (
    <div className="space-y-8">
      <header className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Songs</h1>
        <p className="mt-2 text-slate-700">
          Add the music you want to dance to. Each song&apos;s tempo, beats and sections are found, so a choreography can follow them.
        </p>
      </header>
      <RequireSession>
        <SongsWorkspace />
      </RequireSession>
    </div>
  );
}
