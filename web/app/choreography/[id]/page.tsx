import type { Metadata } from "next";
import { ChoreographyDetail } from "@/components/choreography/ChoreographyDetail";
import { RequireSession } from "@/components/RequireSession";

export const metadata: Metadata = { title: "Choreography" };

export default async function ChoreographyDetailPage({ params }: PageProps<"/choreography/[id]">) {
  const { id } = await params;
  return (
    <RequireSession>
      <ChoreographyDetail id={id} />
    </RequireSession>
  );
}
