import { signal } from "@preact/signals";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

export const connection = signal<ConnectionState>("connecting");

/** Who is typing in which conversation (CHAT-1), until when. */
export const typing = signal<Record<string, { name: string; until: number }>>({});

export function showTyping(conversationId: string, name: string, isTyping: boolean): void {
  const next = { ...typing.value };
  if (isTyping) {
    next[conversationId] = { name, until: Date.now() + 6000 };
  } else {
    delete next[conversationId];
  }
  typing.value = next;
}

/** Forgets indicators whose sender went quiet without saying so (a closed tab). */
export function expireTyping(now = Date.now()): void {
  if (Object.values(typing.value).some((t) => t.until <= now)) {
    typing.value = Object.fromEntries(Object.entries(typing.value).filter(([, t]) => t.until > now));
  }
}

/** How far each chat's visitor has seen it (CHAT-1 seen marks), by message sequence; not stored, so a reload starts from none. */
export const seen = signal<Record<string, number>>({});

export function markSeen(conversationId: string, sequence: number): void {
  if ((seen.value[conversationId] ?? 0) < sequence) {
    seen.value = { ...seen.value, [conversationId]: sequence };
  }
}
