import { api, ok } from "../api/client";
import { breachingSoonMinutes, slaByConversation, slaEnabled } from "../store/sla";
import { me, propertyId } from "../store/session";
import { notify } from "./notify";

/** Loads the property's SLA settings and its open conversations' due times (SLA-1). */
export async function loadSla(): Promise<void> {
  if (!propertyId.value) {
    return;
  }
  const params = { path: { propertyId: propertyId.value } };
  const [settings, list] = await Promise.all([
    ok(api.GET("/api/v1/properties/{propertyId}/sla", { params })),
    ok(api.GET("/api/v1/properties/{propertyId}/sla/conversations", { params: { ...params, query: { max: 1000 } } })),
  ]);
  slaEnabled.value = settings.enabled;
  breachingSoonMinutes.value = settings.breachingSoonMinutes;
  slaByConversation.value = Object.fromEntries(list.map((s) => [s.conversationId, s]));
}

let timer = 0;

/** Conversation events move due times; one reload per burst. */
export function scheduleSlaRefresh(delay = 400): void {
  clearTimeout(timer);
  timer = window.setTimeout(() => void loadSla().catch(() => undefined), delay);
}

export interface SlaBreachNotice {
  propertyId: string;
  conversationId: string;
  target: string;
  dueAt: string;
  agentId: string | null;
}

const targets: Record<string, string> = { FirstResponse: "first response", NextResponse: "next response", Resolution: "resolution" };

/** A breach: every console refreshes its countdowns; the assignee's also alerts (sound and desktop notification, as chosen). */
export function onSlaBreached(breach: SlaBreachNotice): void {
  if (breach.propertyId !== propertyId.value) {
    return;
  }
  scheduleSlaRefresh(0);
  if (breach.agentId && breach.agentId === me.value?.id) {
    notify("SLA breached", `A conversation assigned to you missed its ${targets[breach.target] ?? breach.target} target.`, true);
  }
}
