"use client";

import { useId, useState } from "react";
import { announceAccountChange, createFromDescription, type ChoreographyView } from "@/lib/api";
import { FormPanel, SubmitRow, fieldClass, labelClass } from "./FormPanel";

// The api's limit on a description (ChoreographyApi.MaxQueryLength).
const MAX_QUERY_LENGTH = 1000;

/** Describe the dance in words; the api reads difficulty, energy, style and length from them and picks a song. */
export function DescribeForm({ onCreated }: { onCreated: (view: ChoreographyView) => void }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      onCreated(await createFromDescription(query.trim()));
      setQuery("");
      announceAccountChange();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  }

  return (
    <FormPanel id={id} title="Describe it" hint="Say what you want; a song is picked from yours.">
      <form onSubmit={submit} className="space-y-4 px-5 py-5">
        <div>
          <label htmlFor={`${id}-query`} className={labelClass}>
            The dance
          </label>
          <textarea
            id={`${id}-query`}
            rows={5}
            maxLength={MAX_QUERY_LENGTH}
            value={query}
            disabled={sending}
            placeholder="An easy, upbeat salsa about a minute long"
            onChange={(e) => setQuery(e.target.value)}
            className={fieldClass}
          />
        </div>
        <SubmitRow error={error} sending={sending} disabled={!query.trim()} label="Choreograph" />
      </form>
    </FormPanel>
  );
}
