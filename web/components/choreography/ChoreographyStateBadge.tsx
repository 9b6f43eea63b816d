import { Badge } from "@/components/Badge";
import type { ChoreographyState } from "@/lib/api";
import { choreographyStateLabel, choreographyStateTone } from "@/lib/choreography-display";

export function ChoreographyStateBadge({ state }: { state: ChoreographyState }) {
  return (
    <span data-testid="choreography-state" data-state={state}>
      <Badge tone={choreographyStateTone(state)}>{choreographyStateLabel(state)}</Badge>
    </span>
  );
}
