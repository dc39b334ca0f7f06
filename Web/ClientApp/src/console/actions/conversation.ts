import { batch } from "@preact/signals";
import { api, ApiError, errorMessage, ok } from "../api/client";
import type { Conversation, ConversationKind } from "../api/types";
import { markRead } from "../store/attention";
import { conversation, messages, pane, paneError } from "../store/selection";
import { propertyId } from "../store/session";

const path = (propertyIdValue: string, id: string) => ({ path: { propertyId: propertyIdValue, chatId: id, ticketId: id, conversationId: id } });

export async function fetchConversation(kind: ConversationKind, id: string): Promise<Conversation> {
  const params = path(propertyId.value, id);
  return kind === "chat"
    ? { kind, view: await ok(api.GET("/api/v1/properties/{propertyId}/chats/{chatId}", { params })) }
    : { kind, view: await ok(api.GET("/api/v1/properties/{propertyId}/tickets/{ticketId}", { params })) };
}

export async function fetchMessages(kind: ConversationKind, id: string) {
  const params = { ...path(propertyId.value, id), query: { limit: 1000 } };
  return kind === "chat"
    ? ok(api.GET("/api/v1/properties/{propertyId}/chats/{chatId}/messages", { params }))
    : ok(api.GET("/api/v1/properties/{propertyId}/tickets/{ticketId}/messages", { params }));
}

let showing = 0;

/**
 * Shows a conversation in the middle pane; only the latest call swaps in, so the last one clicked wins over slower
 * loads and live reloads. A conversation purged while open says so instead of showing an error (BIN-2).
 */
export async function openConversation(kind: ConversationKind, id: string): Promise<void> {
  const mine = ++showing;
  const same = pane.value.type === "conversation" && pane.value.id === id;
  // Only a conversation that was on screen can have been purged meanwhile; any other 404 is an error to show.
  const wasShown = conversation.value?.view.id === id;
  if (!same) {
    batch(() => {
      pane.value = { type: "conversation", kind, id };
      conversation.value = null;
      messages.value = [];
      paneError.value = null;
    });
  }
  markRead(id);
  try {
    const [loaded, transcript] = await Promise.all([fetchConversation(kind, id), fetchMessages(kind, id)]);
    if (mine === showing) {
      batch(() => {
        conversation.value = loaded;
        // Messages that arrived live while this load was on its way stay.
        const live = messages.value.filter((m) => !transcript.some((t) => t.sequence === m.sequence));
        messages.value = [...transcript, ...live].sort((a, b) => a.sequence - b.sequence);
        paneError.value = null;
      });
    }
  } catch (error) {
    if (mine === showing) {
      const gone = error instanceof ApiError && error.status === 404 && wasShown;
      batch(() => {
        conversation.value = null;
        paneError.value = gone ? null : `This conversation could not be opened: ${errorMessage(error)}`;
        if (gone) {
          pane.value = { type: "none" };
        }
      });
    }
  }
}

/** Reloads the open conversation after a change (an event, or the agent's own action). */
export function reloadOpen(): Promise<void> {
  const current = pane.value;
  return current.type === "conversation" ? openConversation(current.kind, current.id) : Promise.resolve();
}

export function showPane(next: typeof pane.value): void {
  ++showing;
  batch(() => {
    pane.value = next;
    conversation.value = null;
    messages.value = [];
    paneError.value = null;
  });
}
