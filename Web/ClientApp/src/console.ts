import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { type ConversationEvent, type ConversationMessage, errorText, renderMessage } from "./events";

interface ChatRow {
  id: string;
  visitorName: string;
  preview: string;
  messages: Map<number, ConversationMessage>;
}

const propertyId = new URLSearchParams(location.search).get("property") ?? "demo";
const chats = new Map<string, ChatRow>();
let selected: string | null = null;

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const connectionBadge = el<HTMLSpanElement>("connection");
const chatList = el<HTMLUListElement>("chats");
const messageList = el<HTMLOListElement>("messages");
const composer = el<HTMLFormElement>("composer");
const reply = el<HTMLTextAreaElement>("reply");
const composerError = el<HTMLParagraphElement>("composer-error");
el("property").textContent = `Property: ${propertyId}`;

const connection = new HubConnectionBuilder()
  .withUrl("/hubs/agent")
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
  .configureLogging(LogLevel.Warning)
  .build();

function showConnection(state: "connecting" | "live" | "reconnecting" | "offline"): void {
  const labels = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline — retrying" };
  connectionBadge.dataset.state = state;
  connectionBadge.textContent = labels[state];
}

function rowFor(id: string, visitorName = "Visitor"): ChatRow {
  let row = chats.get(id);
  if (!row) {
    row = { id, visitorName, preview: "", messages: new Map() };
    chats.set(id, row);
  }
  return row;
}

function renderList(): void {
  el("empty-list").hidden = chats.size > 0;
  chatList.replaceChildren(
    ...[...chats.values()].reverse().map((row) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.chatId = row.id;
      button.setAttribute("aria-current", String(row.id === selected));
      const name = document.createElement("strong");
      name.textContent = row.visitorName;
      const preview = document.createElement("span");
      preview.className = "preview";
      preview.textContent = row.preview || "New chat";
      button.append(name, preview);
      button.addEventListener("click", () => select(row.id));
      item.append(button);
      return item;
    }),
  );
}

function select(id: string): void {
  selected = id;
  el("no-selection").hidden = true;
  composer.hidden = false;
  messageList.replaceChildren();
  for (const message of chats.get(id)?.messages.values() ?? []) {
    renderMessage(messageList, message);
  }
  renderList();
  reply.focus();
}

function apply(event: ConversationEvent): void {
  if (event.type === "chatStarted") {
    rowFor(event.conversationId, event.visitorName).visitorName = event.visitorName;
  } else {
    const row = rowFor(event.conversationId);
    row.messages.set(event.message.sequence, event.message);
    row.preview = event.message.text;
    if (selected === event.conversationId) {
      renderMessage(messageList, event.message);
    }
  }
  renderList();
}

connection.on("conversationEvent", apply);
connection.onreconnecting(() => showConnection("reconnecting"));
connection.onreconnected(() => join());
connection.onclose(() => {
  showConnection("offline");
  setTimeout(start, 2000);
});

async function join(): Promise<void> {
  await connection.invoke("JoinProperty", propertyId);
  showConnection("live");
}

async function start(): Promise<void> {
  if (connection.state !== HubConnectionState.Disconnected) {
    return;
  }
  showConnection("connecting");
  try {
    await connection.start();
    await join();
  } catch {
    showConnection("offline");
    setTimeout(start, 2000);
  }
}

async function send(): Promise<void> {
  const text = reply.value.trim();
  if (!selected || !text) {
    return;
  }
  composerError.textContent = "";
  try {
    await connection.invoke("SendMessage", propertyId, selected, crypto.randomUUID(), text);
    reply.value = "";
  } catch (error) {
    composerError.textContent = errorText(error);
  }
}

composer.addEventListener("submit", (e) => {
  e.preventDefault();
  void send();
});
reply.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    void send();
  }
});

renderList();
void start();
