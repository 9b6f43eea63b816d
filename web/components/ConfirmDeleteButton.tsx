"use client";

import { useState } from "react";

/**
 * Delete, after a second click that says what will go. `onDelete` does the deleting; `onDeleted` moves on
 * (back to a list, or out of one). A failure stays on the question with the api's words.
 */
export function ConfirmDeleteButton({
  id,
  question,
  onDelete,
  onDeleted,
}: {
  id: string;
  question: React.ReactNode;
  onDelete: () => Promise<void>;
  onDeleted: () => void;
}) {
  const [step, setStep] = useState<"idle" | "confirming" | "deleting">("idle");
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setStep("deleting");
    setError(null);
    try {
      await onDelete();
      onDeleted();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setStep("confirming");
    }
  }

  if (step === "idle") {
    return (
      <button
        type="button"
        onClick={() => setStep("confirming")}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-600/30 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600"
      >
        Delete
      </button>
    );
  }

  return (
    <div role="alertdialog" aria-labelledby={`delete-${id}`} className="rounded-lg bg-red-50 p-3 ring-1 ring-inset ring-red-600/20">
      <p id={`delete-${id}`} className="text-sm text-red-900">
        {question}
      </p>
      {error && <p role="alert" className="mt-1 text-sm text-red-800">{error}</p>}
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          autoFocus
          disabled={step === "deleting"}
          onClick={confirm}
          className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-60"
        >
          {step === "deleting" ? "Deleting…" : "Yes, delete"}
        </button>
        <button
          type="button"
          disabled={step === "deleting"}
          onClick={() => setStep("idle")}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white"
        >
          Keep it
        </button>
      </div>
    </div>
  );
}
