import type { Metadata } from "next";
import { AnalysisDetail } from "@/components/analyses/AnalysisDetail";
import { RequireSession } from "@/components/RequireSession";

export const metadata: Metadata = { title: "Analysis" };

export default async function AnalysisPage({ params }: PageProps<"/analyses/[id]">) {
  const { id } = await params;
  return (
    <RequireSession>
      <AnalysisDetail id={id} />
    </RequireSession>
  );
}
