import { signal } from "@preact/signals";
import { api, errorMessage, ok } from "../api/client";
import type { Conversation } from "../api/types";
import { openConversation } from "../actions/conversation";
import { scheduleRefresh } from "../actions/inbox";
import { bulkResult, rows, ticked } from "../store/inbox";
import { propertyId } from "../store/session";
import { Button } from "../ui/Button";
import { askChoice } from "../ui/Dialog";
import { act, running } from "./act";

/** The messages ticked for a split (MRG-1), by sequence; null when the open ticket is not being split. */
export const splitChoice = signal<ReadonlySet<number> | null>(null);

export function toggleSplitMessage(sequence: number, on: boolean): void {
  const next = new Set(splitChoice.value ?? []);
  if (on) {
    next.add(sequence);
  } else {
    next.delete(sequence);
  }
  splitChoice.value = next;
}

/**
 * MRG-1 from the list: the ticked rows merge into one ticket among them, chosen in a dialog; the others (tickets or chats)
 * become read-only links to it. One merge id per attempt, so a retried request does nothing twice.
 */
export async function mergeTicked(): Promise<void> {
  const chosen = rows.value.filter((r) => ticked.value.has(r.id));
  const tickets = chosen.filter((r) => r.kind === "Ticket" && r.status !== "Closed");
  if (chosen.length < 2 || tickets.length === 0) {
    bulkResult.value = { done: 0, refused: [{ id: "", succeeded: false, message: "Tick two or more conversations, one of them an open ticket to keep." }] };
    return;
  }
  const survivor = await askChoice(`Merge ${chosen.length} conversations?`, {
    message: "Every message goes into the ticket you keep, in time order, and the tags are united. The others are closed and become read-only links to it. A merge cannot be undone.",
    confirm: "Merge",
    choice: { label: "Keep this ticket", options: tickets.map((t) => ({ value: t.id, label: t.title })) },
  });
  if (!survivor) {
    return;
  }
  const sourceIds = chosen.filter((r) => r.id !== survivor).map((r) => r.id);
  try {
    const result = await ok(api.POST("/api/v1/properties/{propertyId}/tickets/{ticketId}/merge", {
      params: { path: { propertyId: propertyId.value, ticketId: survivor } },
      body: { mergeId: crypto.randomUUID(), sourceIds },
    }));
    const merged = sourceIds.filter((id) => result.merged.includes(id));
    bulkResult.value = {
      done: merged.length,
      refused: sourceIds.filter((id) => !merged.includes(id)).map((id) => ({ id, succeeded: false, message: "changed meanwhile and was left out" })),
    };
    ticked.value = new Set();
    await openConversation("ticket", survivor);
  } catch (error) {
    bulkResult.value = { done: 0, refused: [{ id: survivor, succeeded: false, message: errorMessage(error) }] };
  }
  scheduleRefresh(0);
}

/** MRG-1: the ticked messages of the open ticket move out into a new ticket, which opens. */
async function splitOut(ticketId: string): Promise<void> {
  const sequences = [...(splitChoice.value ?? [])];
  let created: string | null = null;
  const done = await act("split", async () => {
    const ticket = await ok(api.POST("/api/v1/properties/{propertyId}/tickets/{ticketId}/split", {
      params: { path: { propertyId: propertyId.value, ticketId } },
      body: { splitId: crypto.randomUUID(), sequences },
    }));
    created = ticket.id;
  });
  if (done) {
    splitChoice.value = null;
    if (created) {
      await openConversation("ticket", created);
    }
  }
}

/** The bar under the header while messages are being chosen for a split. */
export function SplitBar({ ticketId }: { ticketId: string }) {
  const count = splitChoice.value?.size ?? 0;
  return (
    <div class="split-bar" role="toolbar" aria-label="Split messages">
      <span>{count === 0 ? "Tick the messages to move into a new ticket." : `${count} message(s) chosen.`}</span>
      <Button size="sm" variant="primary" disabled={count === 0} busy={running.value === "split"} onClick={() => void splitOut(ticketId)}>Split into new ticket</Button>
      <Button size="sm" onClick={() => (splitChoice.value = null)}>Cancel</Button>
    </div>
  );
}

/** MRG-1 links: a merged conversation points to its survivor; a ticket shows what was merged into it and its splits. */
export function MergedBanner({ c }: { c: Conversation }) {
  const view = c.view;
  const into = view.mergedIntoId;
  const ticket = c.kind === "ticket" ? c.view : null;
  const mergedCount = ticket?.mergedIds?.length ?? 0;
  const splits = ticket?.splitIds ?? [];
  if (!into && mergedCount === 0 && !ticket?.splitFromId && splits.length === 0 && !splitChoice.value) {
    return null;
  }
  return (
    <>
      {(into || mergedCount > 0 || ticket?.splitFromId || splits.length > 0) && (
        <p class="merge-links" data-testid="merge-links">
          {into && (
            <span class="merged-into">
              Merged — read-only. <button type="button" class="link" onClick={() => void openConversation("ticket", into)}>Open the ticket it was merged into</button>
            </span>
          )}
          {mergedCount > 0 && <span>{mergedCount} conversation(s) merged into this ticket.</span>}
          {ticket?.splitFromId && <> <button type="button" class="link" onClick={() => void openConversation("ticket", ticket.splitFromId!)}>Split from a ticket</button></>}
          {splits.map((id, i) => <> <button type="button" class="link" onClick={() => void openConversation("ticket", id)}>Split-off ticket {i + 1}</button></>)}
        </p>
      )}
      {ticket && splitChoice.value && <SplitBar ticketId={ticket.id} />}
    </>
  );
}
