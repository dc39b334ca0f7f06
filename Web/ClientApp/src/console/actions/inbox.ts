import type { paths } from "../../api/schema";
import { api, errorMessage, ok } from "../api/client";
import type { BulkItemResult, View } from "../api/types";
import { counts, filters, loading, listError, nextCursor, rows, showRows, ticked, view, bulkResult } from "../store/inbox";
import { pane } from "../store/selection";
import { popout, propertyId } from "../store/session";

const views: View[] = ["all", "chats", "tickets", "trash", "spam"];

/** The INB-4 filters as the query of GET …/inbox. */
type InboxQuery = NonNullable<paths["/api/v1/properties/{propertyId}/inbox"]["get"]["parameters"]["query"]>;

function query(forView: View, cursor: string | null, limit: number): InboxQuery {
  const f = filters.value;
  const day = (value: string, end: boolean) => (value ? new Date(`${value}T${end ? "23:59:59.999" : "00:00:00"}`).toISOString() : undefined);
  return {
    view: forView,
    limit,
    sort: f.sort,
    status: f.statuses.length ? f.statuses.join(",") : undefined,
    assignee: f.assignee || undefined,
    minMessages: f.minMessages.trim() === "" ? undefined : Number(f.minMessages),
    tags: f.tags.trim() || undefined,
    priority: f.priority || undefined,
    updatedFrom: day(f.from, false),
    updatedTo: day(f.to, true),
    cursor: cursor ?? undefined,
    sla: f.sla || undefined,
  };
}

const fetchPage = (forView: View, cursor: string | null, limit: number) =>
  ok(api.GET("/api/v1/properties/{propertyId}/inbox", { params: { path: { propertyId: propertyId.value }, query: query(forView, cursor, limit) } }));

let latest = 0;

/** Loads the first page again (reset) or the next one; only the latest request may fill the list. */
export async function loadPage(reset: boolean): Promise<void> {
  if (!propertyId.value || popout) {
    return;
  }
  const mine = ++latest;
  loading.value = true;
  try {
    const keep = Math.max(50, Math.min(rows.value.length, 200));
    const page = await fetchPage(view.value, reset ? null : nextCursor.value, reset ? keep : 50);
    if (mine === latest) {
      showRows(reset ? page.rows : [...rows.value, ...page.rows], page.total, page.nextCursor ?? null);
    }
  } catch (error) {
    if (mine === latest) {
      listError.value = `The list could not be loaded: ${errorMessage(error)}`;
    }
  } finally {
    if (mine === latest) {
      loading.value = false;
    }
  }
}

export async function loadCounts(): Promise<void> {
  if (!propertyId.value || popout) {
    return;
  }
  const totals = await Promise.all(views.map(async (v) => [v, (await fetchPage(v, null, 1)).total] as const));
  counts.value = Object.fromEntries(totals) as Record<View, number>;
}

let refreshTimer = 0;

/** Events arrive in bursts; one refetch per burst (150 ms of quiet) keeps every console within a second of the truth (INB-6). */
export function scheduleRefresh(delay = 150): void {
  clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void Promise.all([loadPage(true), loadCounts().catch(() => undefined)]), delay);
}

export function showView(next: View): void {
  if (pane.value.type === "settings") {
    pane.value = { type: "none" }; // the settings cover the list: choosing a view goes back to it
  }
  view.value = next;
  rows.value = [];
  void loadPage(true);
}

/** INB-5: one action on every ticked row; the result stays on screen until the next action or until dismissed. */
export async function bulk(action: "close" | "trash" | "spam" | "restore" | "purge"): Promise<void> {
  const ids = [...ticked.value];
  try {
    const results: BulkItemResult[] = await ok(api.POST("/api/v1/properties/{propertyId}/inbox/bulk", {
      params: { path: { propertyId: propertyId.value } },
      body: { action: action === "close" ? "Close" : action === "trash" ? "Trash" : action === "spam" ? "Spam" : action === "restore" ? "Restore" : "Purge", ids },
    }));
    bulkResult.value = { done: results.filter((r) => r.succeeded).length, refused: results.filter((r) => !r.succeeded) };
    ticked.value = new Set();
  } catch (error) {
    bulkResult.value = { done: 0, refused: ids.map((id) => ({ id, succeeded: false, message: errorMessage(error) })) };
  }
  scheduleRefresh(0);
}
