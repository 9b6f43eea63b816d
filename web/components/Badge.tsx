/** What a badge says about its subject: fine, watch it, broken, nothing to say, or working on it. */
export type Tone = "ok" | "warn" | "error" | "neutral" | "active";

const toneClasses: Record<Tone, { badge: string; dot: string }> = {
  ok: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/20", dot: "bg-emerald-500" },
  warn: { badge: "bg-amber-50 text-amber-900 ring-amber-600/25", dot: "bg-amber-500" },
  error: { badge: "bg-red-50 text-red-800 ring-red-600/20", dot: "bg-red-500" },
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-500/20", dot: "bg-slate-400" },
  active: { badge: "bg-indigo-50 text-indigo-800 ring-indigo-600/20", dot: "bg-indigo-500 motion-safe:animate-pulse" },
};

/** A small status pill: a coloured dot and a word. */
export function Badge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  const classes = toneClasses[tone];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${classes.badge}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${classes.dot}`} />
      {children}
    </span>
  );
}
