import type { AnalysisSummary } from "@/lib/api";
import { formatBpm, formatFraction, formatScore, humanize } from "@/lib/format";

/** The headline numbers of a completed analysis. */
export function SummaryCards({ summary, rhythmConsistency }: { summary: AnalysisSummary; rhythmConsistency?: number | null }) {
  const cards = [
    { label: "Movement", value: humanize(summary.movementType), hint: "covers the most time" },
    { label: "Intensity", value: formatScore(summary.intensity), hint: "out of 100" },
    {
      label: "Tempo",
      value: formatBpm(summary.estimatedBpm),
      hint: summary.estimatedBpm ? (rhythmConsistency != null ? `consistency ${formatScore(rhythmConsistency)}` : "movement cycles") : "no clear beat",
    },
    { label: "Smoothness", value: formatScore(summary.smoothnessScore), hint: "out of 100" },
    { label: "Detection", value: formatFraction(summary.detectionRate), hint: `of ${summary.totalFrames} frames` },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="summary-cards">
      {cards.map((card) => (
        <div key={card.label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{card.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{card.value}</dd>
          <dd className="text-xs text-slate-500">{card.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
