import { batch, computed, signal } from "@preact/signals";
import type { BulkItemResult, InboxRow, Priority, View } from "../api/types";

export type StatusFilter = "open" | "pending" | "closed";

/** The INB-4 filters; empty values filter nothing. */
export interface Filters {
  statuses: StatusFilter[];
  assignee: string;
  minMessages: string;
  tags: string;
  priority: Priority | "";
  from: string;
  to: string;
  sort: "updated" | "priority";
  /** SLA-1: only conversations breaching soon or breached (the server lists them soonest due first). */
  sla: "" | "breachingSoon" | "breached";
}

export const noFilters: Filters = { statuses: [], assignee: "", minMessages: "", tags: "", priority: "", from: "", to: "", sort: "updated", sla: "" };

export const view = signal<View>("all");
export const filters = signal<Filters>(noFilters);
export const rows = signal<InboxRow[]>([]);
export const total = signal(0);
export const nextCursor = signal<string | null>(null);
export const loading = signal(false);
export const listError = signal<string | null>(null);
export const counts = signal<Record<View, number | null>>({ all: null, chats: null, tickets: null, trash: null, spam: null });
export const ticked = signal<ReadonlySet<string>>(new Set());
/** What the last bulk action did; stays until the next one or until dismissed (INB-5). */
export const bulkResult = signal<{ done: number; refused: BulkItemResult[] } | null>(null);

export const filtered = computed(() => {
  const f = filters.value;
  return f.statuses.length > 0 || [f.assignee, f.minMessages, f.tags, f.priority, f.from, f.to, f.sla].some((v) => v.trim() !== "");
});

export function setFilter<K extends keyof Filters>(name: K, value: Filters[K]): void {
  filters.value = { ...filters.value, [name]: value };
}

export function toggleTick(id: string, on: boolean): void {
  const next = new Set(ticked.value);
  if (on) {
    next.add(id);
  } else {
    next.delete(id);
  }
  ticked.value = next;
}

export function showRows(list: InboxRow[], count: number, cursor: string | null): void {
  batch(() => {
    rows.value = list;
    total.value = count;
    nextCursor.value = cursor;
    listError.value = null;
    // Ticks of rows that left the list go with them.
    const ids = new Set(list.map((r) => r.id));
    if ([...ticked.value].some((id) => !ids.has(id))) {
      ticked.value = new Set([...ticked.value].filter((id) => ids.has(id)));
    }
  });
}
