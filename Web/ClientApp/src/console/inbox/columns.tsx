import type { ComponentChildren } from "preact";
import type { InboxRow, View } from "../api/types";
import { priorities } from "../api/types";
import { Chip, priorityTone, statusTone } from "../ui/Chip";
import { fullDate, minutesText, RelativeTime } from "../ui/RelativeTime";
import { assigneeName } from "../store/team";
import { Icon } from "../ui/Icon";
import { SlaCountdown } from "../ui/SlaCountdown";
import { slaEnabled } from "../store/sla";

/** One column of the inbox table (INB-3): its header, its cell, and whether the header sorts the list. */
export interface Column {
  id: string;
  header: string;
  cell: (row: InboxRow) => ComponentChildren;
  sort?: "updated" | "priority";
}

const isChat = (row: InboxRow) => row.kind === "Chat";

const minutes = (row: InboxRow) => (new Date(row.updatedAt).getTime() - new Date(row.createdAt).getTime()) / 60_000;

const assignee: Column = { id: "assignee", header: "Agent", cell: (row) => <bdi>{assigneeName(row.assigneeKind, row.assigneeId)}</bdi> };
const messages: Column = { id: "messages", header: "Msgs", cell: (row) => row.messageCount };
const duration: Column = { id: "duration", header: "Duration", cell: (row) => (isChat(row) ? minutesText(minutes(row)) : "") };
const rating: Column = {
  id: "rating",
  header: "Rating",
  cell: (row) => (isChat(row) ? (row.rating === "Good" ? <span class="rating good"><Icon name="up" size={12} /> Good</span> : row.rating === "Bad" ? <span class="rating bad"><Icon name="down" size={12} /> Bad</span> : "—") : ""),
};
const priority: Column = {
  id: "priority",
  header: "Priority",
  sort: "priority",
  cell: (row) => (isChat(row) ? "" : <Chip tone={priorityTone(priorities[row.priority - 1] ?? "")}>{priorities[row.priority - 1] ?? row.priority}</Chip>),
};
const status: Column = { id: "status", header: "Status", cell: (row) => <Chip tone={statusTone(row.status)}>{row.status}</Chip> };
const requester: Column = { id: "requester", header: "Requester", cell: (row) => <bdi>{row.requester ?? "—"}</bdi> };
const updated: Column = {
  id: "updated",
  header: "Updated",
  sort: "updated",
  cell: (row) => <RelativeTime at={row.updatedAt} />,
};

/** SLA-1: the nearest due time, counting down; shown while the property has SLA policies on. */
const due: Column = { id: "due", header: "Due", cell: (row) => <SlaCountdown conversationId={row.id} /> };

/** The columns of a view, with the SLA's due time when policies are on (not in Trash or Spam, where nothing is due). */
export function columnsOf(view: View): Column[] {
  const columns = baseColumnsOf(view);
  return slaEnabled.value && view !== "trash" && view !== "spam" ? [...columns.slice(0, -1), due, columns[columns.length - 1]!] : columns;
}

/** The columns of a view: chats by visitor, tickets by subject and requester, mixed views with both kinds' columns. */
function baseColumnsOf(view: View): Column[] {
  switch (view) {
    case "chats":
      return [assignee, messages, duration, rating, status, updated];
    case "tickets":
      return [requester, { ...assignee, header: "Assignee" }, priority, status, messages, updated];
    default:
      return [assignee, messages, duration, rating, priority, status, updated];
  }
}

/** The created date under the updated one, in the same cell. */
export const created = (row: InboxRow) => (
  <span class="cell-sub" data-col="created" title={`Created ${fullDate(row.createdAt)}`}>
    {new Date(row.createdAt).toLocaleDateString([], { day: "numeric", month: "short" })}
  </span>
);
