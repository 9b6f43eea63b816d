// The frame both choreography forms share: a titled card, and the error and submit button at its foot.

export const labelClass = "block text-sm font-medium text-slate-800";
export const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30";

export function FormPanel({ id, title, hint, children }: { id: string; title: string; hint: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-5 py-4">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{hint}</p>
      </header>
      {children}
    </section>
  );
}

export function SubmitRow({ error, sending, disabled, label }: { error: string | null; sending: boolean; disabled: boolean; label: string }) {
  return (
    <>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={sending || disabled}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {sending ? "Planning…" : label}
      </button>
    </>
  );
}
