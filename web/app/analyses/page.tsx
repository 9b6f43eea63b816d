import type { Metadata } from "next";
import { AnalysesWorkspace } from "@/components/analyses/AnalysesWorkspace";
import { RequireSession } from "@/components/RequireSession";

export const metadata: Metadata = { title: "Analyses" };

export default function AnalysesPage() {
  return (
    <div className="space-y-8">
      <header className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Analyses</h1>
        <p className="mt-2 text-slate-700">
          Upload a dance video to see the dancer&apos;s pose in every frame, the movements they make and the rhythm they follow.
        </p>
      </header>
      <RequireSession>
        <AnalysesWorkspace />
      </RequireSession>
    </div>
  );
}
