import { computed, signal } from "@preact/signals";
import type { ConversationKind, NotificationPreferences } from "../api/types";

/**
 * Unread conversations (a visitor wrote, or a chat started, while the agent was not looking at it) and the agent's
 * own notification settings (kept on the agent, server-side).
 */
export const unread = signal<Record<string, ConversationKind>>({});

export const unreadCounts = computed(() => {
  const kinds = Object.values(unread.value);
  return { all: kinds.length, chats: kinds.filter((k) => k === "chat").length, tickets: kinds.filter((k) => k === "ticket").length };
});

export function markUnread(id: string, kind: ConversationKind): void {
  if (unread.value[id] !== kind) {
    unread.value = { ...unread.value, [id]: kind };
  }
}

export function markRead(id: string): void {
  if (id in unread.value) {
    const next = { ...unread.value };
    delete next[id];
    unread.value = next;
  }
}

export type NotificationSettings = NotificationPreferences;

/** The agent's own choices, stored on the agent (GET/PUT /api/v1/me/notifications), so they follow them to any browser. */
export const notificationSettings = signal<NotificationSettings>({ sound: true, desktop: false });

/** Why the last change of the choices was not saved, shown under the bell until the next try. */
export const notificationError = signal("");

/** The tab title carries the unread count, so a console in a background tab still shows that someone wrote. */
export function titleWith(count: number, base: string): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
