import { computed, effect, signal } from "@preact/signals";
import type { ConversationKind } from "../api/types";

/**
 * Unread conversations (a visitor wrote, or a chat started, while the agent was not looking at it) and the agent's
 * own notification settings, kept in this browser (localStorage).
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

export interface NotificationSettings {
  sound: boolean;
  desktop: boolean;
}

const settingsKey = "conversations.notifications";
const stored = (() => {
  try {
    return JSON.parse(localStorage.getItem(settingsKey) ?? "null") as NotificationSettings | null;
  } catch {
    return null;
  }
})();

export const notificationSettings = signal<NotificationSettings>(stored ?? { sound: true, desktop: false });
effect(() => localStorage.setItem(settingsKey, JSON.stringify(notificationSettings.value)));

/** The tab title carries the unread count, so a console in a background tab still shows that someone wrote. */
export function titleWith(count: number, base: string): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
