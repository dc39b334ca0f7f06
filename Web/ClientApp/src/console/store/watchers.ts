import { signal } from "@preact/signals";

/** An agent with a conversation open, writing a reply in it or not (COL-1). */
export interface Watcher {
  agentId: string;
  agentName: string;
  isReplying: boolean;
}

export interface WatchersChange {
  propertyId: string;
  conversationId: string;
  watchers: Watcher[];
}

/** Who views and replies in each conversation of the property now, as the cluster reports it (COL-1). */
export const watchers = signal<Record<string, Watcher[]>>({});

/** Whether this console's agent is writing a reply in the open conversation (the composer holds text). */
export const replying = signal(false);

export function showWatchers(change: WatchersChange): void {
  const next = { ...watchers.value };
  if (change.watchers.length > 0) {
    next[change.conversationId] = change.watchers;
  } else {
    delete next[change.conversationId];
  }
  watchers.value = next;
}

export function showAllWatchers(all: WatchersChange[]): void {
  watchers.value = Object.fromEntries(all.filter((c) => c.watchers.length > 0).map((c) => [c.conversationId, c.watchers]));
}
