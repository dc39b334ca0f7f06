import { effect } from "@preact/signals";
import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { api } from "../api/client";
import type { ConversationKind, ConversationMessage, Presence } from "../api/types";
import { markUnread } from "../store/attention";
import { rows } from "../store/inbox";
import { connection as connectionState, markSeen, showTyping } from "../store/live";
import { addMessage, conversation, messages, openId, pane } from "../store/selection";
import { me, propertyId } from "../store/session";
import { setPresence } from "../store/team";
import { replying, showAllWatchers, showWatchers, type WatchersChange } from "../store/watchers";
import { reloadOpen } from "./conversation";
import { scheduleRefresh } from "./inbox";
import { notify } from "./notify";
import { onSlaBreached, scheduleSlaRefresh, type SlaBreachNotice } from "./sla";
import { loadTeamQuietly } from "./team";

interface WireEvent {
  type: string;
  propertyId: string;
  conversationId: string;
  message?: ConversationMessage;
  visitorName?: string;
  bin?: string;
}

interface PresenceChange {
  propertyId: string;
  agentId: string;
  presence: Presence;
}

interface TypingNotice {
  conversationId: string;
  authorKind: "Visitor" | "Agent" | "System";
  authorName: string | null;
  isTyping: boolean;
}

const hub = new HubConnectionBuilder()
  .withUrl("/hubs/agent")
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
  .configureLogging(LogLevel.Warning)
  .build();

/** The presence the agent chose; sent again after every reconnect. */
let wantedPresence: "Online" | "Away" = "Online";

function onEvent(event: WireEvent): void {
  if (event.propertyId !== propertyId.value) {
    return;
  }
  scheduleRefresh();
  scheduleSlaRefresh();
  const open = openId() === event.conversationId;
  const kind: ConversationKind = event.type.startsWith("ticket") ? "ticket" : pane.value.type === "conversation" && open ? pane.value.kind : "chat";
  if (event.type === "messagePosted" && event.message) {
    showInRow(event.conversationId, event.message);
    if (open) {
      addMessage(event.message);
    }
    if (event.message.authorKind === "Visitor") {
      const messageKind = open && conversation.value ? conversation.value.kind : kind;
      showTyping(event.conversationId, "", false);
      if (!open || document.hidden) {
        markUnread(event.conversationId, messageKind);
      }
      notify(event.message.authorName, event.message.text, !open || document.hidden);
    }
  } else if (event.type === "transcriptRewritten" && open) {
    // MRG-1: a merge or split renumbered the transcript: the messages on screen are replaced, not added to.
    messages.value = [];
    void reloadOpen();
  } else if (event.type === "chatStarted") {
    markUnread(event.conversationId, "chat");
    notify(event.visitorName ?? "A visitor", "started a chat", true);
  } else if (open) {
    void reloadOpen();
  }
}

/** The row's count and time change at once; the refetch that follows (scheduleRefresh) confirms them and the order. */
function showInRow(conversationId: string, message: ConversationMessage): void {
  // A merged ticket's sequences run past its count (MRG-1), so the count grows by one per new message instead.
  if (rows.value.some((r) => r.id === conversationId && r.updatedAt < message.at)) {
    rows.value = rows.value.map((r) => (r.id === conversationId ? { ...r, messageCount: r.messageCount + 1, updatedAt: message.at } : r));
  }
}

hub.on("conversationEvent", onEvent);
hub.on("agentPresence", (change: PresenceChange) => {
  if (change.propertyId === propertyId.value) {
    setPresence(change.agentId, change.presence);
    if (change.agentId === me.value?.id && change.presence !== "Offline") {
      wantedPresence = change.presence as "Online" | "Away";
    }
  }
});
// An admin removed this agent from the property (ADM-4): its feed has stopped; start over with the properties that are left.
hub.on("accessRevoked", (revoked: { propertyId: string }) => {
  if (revoked.propertyId === propertyId.value) {
    location.reload();
  }
});
hub.on("typing", (notice: TypingNotice) => {
  if (notice.authorKind === "Visitor") {
    showTyping(notice.conversationId, notice.authorName ?? "", notice.isTyping);
  }
});
hub.on("slaBreached", (breach: SlaBreachNotice) => onSlaBreached(breach));
hub.on("watchers", (change: WatchersChange) => change.propertyId === propertyId.value && showWatchers(change));
hub.on("seen", (notice: { conversationId: string; sequence: number }) => markSeen(notice.conversationId, notice.sequence));
// The web node's feed was interrupted (a silo was lost) and events may be missing: refetch as after a reconnect.
hub.on("resync", () => refetch());
hub.onreconnecting(() => (connectionState.value = "reconnecting"));
hub.onreconnected(() => void join());
hub.onclose(() => {
  connectionState.value = "offline";
  setTimeout(() => void startLive(), 2000);
});

function refetch(): void {
  scheduleRefresh(0);
  loadTeamQuietly();
  void reloadOpen();
}

async function join(): Promise<void> {
  if (!propertyId.value) {
    return;
  }
  await hub.invoke("JoinProperty", propertyId.value);
  connectionState.value = "live";
  // Who else is on which conversation (COL-1): shown when it comes, and never in the way of joining.
  void hub.invoke<WatchersChange[]>("GetWatchers", propertyId.value).then(showAllWatchers, () => undefined);
  watched = null;
  reportWatch();
  // Events sent while disconnected are not replayed: refetch the list, the team and the open conversation.
  refetch();
  if (wantedPresence === "Away") {
    await hub.invoke("SetPresence", "Away");
  }
}

export async function startLive(): Promise<void> {
  if (hub.state !== HubConnectionState.Disconnected) {
    return;
  }
  connectionState.value = "connecting";
  try {
    await hub.start();
    await join();
  } catch {
    connectionState.value = "offline";
    setTimeout(() => void startLive(), 2000);
  }
}

export async function stopLive(): Promise<void> {
  await hub.stop();
}

export async function joinProperty(previous: string, next: string): Promise<void> {
  if (hub.state !== HubConnectionState.Connected) {
    return;
  }
  if (previous && previous !== next) {
    await hub.invoke("LeaveProperty", previous);
  }
  await join();
}

export async function setMyPresence(presence: "Online" | "Away"): Promise<void> {
  wantedPresence = presence;
  await hub.invoke("SetPresence", presence);
}

/** What this connection last told the cluster it has open (COL-1), so only changes are sent. */
let watched: string | null = null;

/** Tells every console which conversation this one has open, and whether its agent writes a reply there (COL-1). */
function reportWatch(): void {
  if (hub.state !== HubConnectionState.Connected || !propertyId.value) {
    return;
  }
  const id = openId();
  const next = id ? `${propertyId.value}/${id}/${replying.value}` : null;
  if (next === watched) {
    return;
  }
  watched = next;
  void (id ? hub.invoke("WatchConversation", propertyId.value, id, replying.value) : hub.invoke("StopWatching")).catch(() => (watched = null));
}

effect(() => {
  // Read both so a change of either reports again.
  void pane.value;
  void replying.value;
  reportWatch();
});

/** An agent reply in a chat goes over the hub, the live path. */
export function sendChatMessage(chatId: string, text: string): Promise<unknown> {
  return hub.invoke("SendMessage", propertyId.value, chatId, crypto.randomUUID(), text);
}

const seenSent = new Map<string, number>();

/** Tells the chat's visitor an agent has seen its messages up to this sequence (CHAT-1), once per new sequence. */
export function sendSeen(chatId: string, sequence: number): void {
  if (document.visibilityState !== "visible" || (seenSent.get(chatId) ?? 0) >= sequence) {
    return;
  }
  seenSent.set(chatId, sequence);
  void api.POST("/api/v1/properties/{propertyId}/chats/{chatId}/seen", {
    params: { path: { propertyId: propertyId.value, chatId } },
    body: { sequence },
  }).catch(() => seenSent.delete(chatId));
}

const typingEvery = 3000;
let lastTyping: { chatId: string; at: number } | null = null;

/** Tells the chat's visitor the agent is typing, at most every few seconds; and that they stopped (CHAT-1). */
export function sendTyping(chatId: string, isTyping: boolean): void {
  const now = Date.now();
  if (isTyping && lastTyping?.chatId === chatId && now - lastTyping.at < typingEvery) {
    return;
  }
  if (!isTyping && lastTyping?.chatId !== chatId) {
    return;
  }
  lastTyping = isTyping ? { chatId, at: now } : null;
  void api.POST("/api/v1/properties/{propertyId}/chats/{chatId}/typing", {
    params: { path: { propertyId: propertyId.value, chatId } },
    body: { isTyping },
  }).catch(() => undefined);
}
