"use client";

import { useRouter } from "next/navigation";
import { ConfirmDeleteButton } from "@/components/ConfirmDeleteButton";
import { deleteAnalysis } from "@/lib/api";

/** Delete, after a second click that says what will go; then back to the list. */
export function DeleteAnalysisButton({ analysisId, fileName }: { analysisId: string; fileName: string }) {
  const router = useRouter();
  return (
    <ConfirmDeleteButton
      id={analysisId}
      question={
        <>
          Delete the analysis of <span className="font-medium">{fileName}</span> and all its files? This cannot be undone.
        </>
      }
      onDelete={() => deleteAnalysis(analysisId)}
      onDeleted={() => router.push("/analyses")}
    />
  );
}
