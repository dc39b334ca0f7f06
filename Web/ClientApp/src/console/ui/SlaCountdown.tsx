import type { SlaStatus } from "../api/types";
import { clock, slaByConversation, slaState } from "../store/sla";
import { fullDate, minutesText } from "./RelativeTime";

const targets: Record<string, string> = { FirstResponse: "First response", NextResponse: "Next response", Resolution: "Resolution" };

function left(status: SlaStatus, now: number): string {
  if (!status.dueAt) {
    return status.paused ? "paused" : "";
  }
  const ms = new Date(status.dueAt).getTime() - now;
  const text = ms > -60_000 && ms < 60_000 ? `${Math.round(Math.abs(ms) / 1000)} s` : minutesText(Math.abs(ms) / 60_000);
  return ms > 0 ? `${text} left` : `${text} over`;
}

/** SLA-1: the conversation's nearest due time as a live countdown ("12 min left", "3 min over", "paused"). */
export function SlaCountdown({ conversationId }: { conversationId: string }) {
  const status = slaByConversation.value[conversationId];
  const state = slaState(status, clock.value);
  if (!status || state === "none") {
    return null;
  }
  const what = status.target ? targets[status.target] ?? status.target : "SLA";
  return (
    <span class={`sla sla-${state}`} data-testid="sla-countdown" data-sla={state} title={status.dueAt ? `${what} due ${fullDate(status.dueAt)}` : "Paused while pending"}>
      {state === "breached" ? "⚠ " : ""}{left(status, clock.value)}
    </span>
  );
}
