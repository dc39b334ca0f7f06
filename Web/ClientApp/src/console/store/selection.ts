import { computed, signal } from "@preact/signals";
import type { Conversation, ConversationKind, ConversationMessage } from "../api/types";

/** What the middle pane shows. */
export type Pane =
  | { type: "none" }
  | { type: "conversation"; kind: ConversationKind; id: string }
  | { type: "settings" }
  | { type: "reports" }
  | { type: "audit" }
  | { type: "new-ticket" }
  | { type: "search" }
  | { type: "bans" };

export const pane = signal<Pane>({ type: "none" });
/** The open conversation once loaded, and its transcript (kept in sequence order, live). */
export const conversation = signal<Conversation | null>(null);
export const messages = signal<ConversationMessage[]>([]);
export const paneError = signal<string | null>(null);

export const openId = () => (pane.value.type === "conversation" ? pane.value.id : null);

/** Whether a reply box is on screen for articles and shortcuts to go into (a conversation is open and loaded). */
export const replyBoxShown = computed(() => conversation.value !== null && conversation.value.view.id === openId());

/** Adds a message in sequence order; a message already shown is not shown twice. */
export function addMessage(message: ConversationMessage): void {
  if (messages.value.some((m) => m.sequence === message.sequence)) {
    return;
  }
  messages.value = [...messages.value, message].sort((a, b) => a.sequence - b.sequence);
}
