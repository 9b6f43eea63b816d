import type { Metadata } from "next";
import { RequireSession } from "@/components/RequireSession";
import { SongDetail } from "@/components/songs/SongDetail";

export const metadata: Metadata = { title: "Song" };

export default async function SongPage({ params }: PageProps<"/songs/[id]">) {
  const { id } = await params;
  return (
    <RequireSession>
      <SongDetail id={id} />
    </RequireSession>
  );
}
