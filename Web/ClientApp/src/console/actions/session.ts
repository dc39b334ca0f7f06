import { batch } from "@preact/signals";
import { api, ok } from "../api/client";
import { loadCounts, loadPage } from "./inbox";
import { showPane } from "./conversation";
import { rows, ticked, bulkResult } from "../store/inbox";
import { me, popout, propertyId, propertyNames, signedIn } from "../store/session";
import { joinProperty } from "./realtime";
import { loadTeam } from "./team";
import { scheduleSlaRefresh } from "./sla";

/** Who is signed in and which properties they belong to, with each property's name for the switcher. */
export async function loadMe(): Promise<void> {
  const who = await ok(api.GET("/api/v1/me"));
  const names = await Promise.all(who.memberships.map(async (m) => {
    try {
      const property = await ok(api.GET("/api/v1/properties/{propertyId}", { params: { path: { propertyId: m.propertyId } } }));
      return [m.propertyId, property.name] as const;
    } catch {
      return [m.propertyId, m.propertyId] as const;
    }
  }));
  batch(() => {
    me.value = who;
    propertyNames.value = Object.fromEntries(names);
    signedIn.value = "yes";
  });
}

/** Shows another property: its list, team and live feed. */
export async function switchProperty(next: string): Promise<void> {
  const previous = propertyId.value;
  batch(() => {
    propertyId.value = next;
    rows.value = [];
    ticked.value = new Set();
    bulkResult.value = null;
  });
  if (!popout) {
    showPane({ type: "none" });
  }
  const url = new URL(location.href);
  url.searchParams.set("property", next);
  history.replaceState(null, "", url);
  await loadTeam();
  scheduleSlaRefresh(0);
  await joinProperty(previous, next);
  await Promise.all([loadPage(true), loadCounts().catch(() => undefined)]);
}
