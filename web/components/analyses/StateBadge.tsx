import { Badge } from "@/components/Badge";
import { stateLabel, stateTone } from "@/lib/analysis-display";
import type { AnalysisState } from "@/lib/api";

export function StateBadge({ state }: { state: AnalysisState }) {
  return (
    <span data-testid="analysis-state" data-state={state}>
      <Badge tone={stateTone(state)}>{stateLabel(state)}</Badge>
    </span>
  );
}
