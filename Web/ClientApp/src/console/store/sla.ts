import { signal } from "@preact/signals";
import type { SlaStatus } from "../api/types";

/** SLA-1: the due times of the property's open conversations, by id, and the window that counts as "breaching soon". */
export const slaByConversation = signal<Record<string, SlaStatus>>({});
export const slaEnabled = signal(false);
export const breachingSoonMinutes = signal(30);

/** One clock for the countdowns, ticking every second while any is on screen. */
export const clock = signal(Date.now());
setInterval(() => (clock.value = Date.now()), 1000);

export type SlaState = "none" | "paused" | "ok" | "soon" | "breached";

export function slaState(status: SlaStatus | undefined, now = clock.value): SlaState {
  if (!status) {
    return "none";
  }
  if (status.dueAt) {
    const left = new Date(status.dueAt).getTime() - now;
    return left <= 0 ? "breached" : left <= breachingSoonMinutes.value * 60_000 ? "soon" : "ok";
  }
  return status.breached ? "breached" : status.paused ? "paused" : "none";
}
