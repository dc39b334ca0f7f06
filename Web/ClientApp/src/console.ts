import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { type ConversationEvent, type ConversationMessage, errorText, renderMessage } from "./events";

interface ChatRow {
  id: string;
  visitorName: string;
  preview: string;
  messages: Map<number, ConversationMessage>;
}

interface Me {
  id: string;
  email: string;
  name: string;
  memberships: { propertyId: string; role: string }[];
}

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const connectionBadge = el<HTMLSpanElement>("connection");
const chatList = el<HTMLUListElement>("chats");
const messageList = el<HTMLOListElement>("messages");
const composer = el<HTMLFormElement>("composer");
const reply = el<HTMLTextAreaElement>("reply");
const composerError = el<HTMLParagraphElement>("composer-error");
const switcher = el<HTMLSelectElement>("property-switcher");

const chats = new Map<string, ChatRow>();
let propertyId = "";
let selected: string | null = null;

const connection = new HubConnectionBuilder()
  .withUrl("/hubs/agent")
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
  .configureLogging(LogLevel.Warning)
  .build();

async function fetchMe(): Promise<Me | null> {
  const response = await fetch("/api/v1/me", { credentials: "same-origin" });
  return response.ok ? ((await response.json()) as Me) : null;
}

async function problemText(response: Response): Promise<string> {
  try {
    const problem = await response.json();
    return problem.detail ?? problem.title ?? `Request failed (${response.status}).`;
  } catch {
    return `Request failed (${response.status}).`;
  }
}

function showSignIn(): void {
  el("sign-in").hidden = false;
  el("topbar").hidden = true;
  el("console").hidden = true;
  el<HTMLInputElement>("email").focus();
}

el<HTMLFormElement>("sign-in-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const button = (e.target as HTMLFormElement).querySelector("button")!;
  const error = el("sign-in-error");
  error.textContent = "";
  button.disabled = true;
  button.textContent = "Signing in…";
  try {
    const response = await fetch("/api/v1/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: el<HTMLInputElement>("email").value, password: el<HTMLInputElement>("password").value }),
    });
    if (!response.ok) {
      error.textContent = await problemText(response);
      return;
    }
    el<HTMLInputElement>("password").value = "";
    await boot();
  } catch {
    error.textContent = "The server cannot be reached. Try again.";
  } finally {
    button.disabled = false;
    button.textContent = "Sign in";
  }
});

el("sign-out").addEventListener("click", async () => {
  await connection.stop();
  await fetch("/api/v1/auth/sign-out", { method: "POST" });
  location.reload();
});

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
  if (event.propertyId !== propertyId) {
    return;
  }
  if (event.type === "chatStarted") {
    rowFor(event.conversationId, event.visitorName).visitorName = event.visitorName;
  } else if (event.type === "messagePosted") {
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
connection.onreconnected(() => void join());
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

async function switchProperty(next: string): Promise<void> {
  const previous = propertyId;
  propertyId = next;
  chats.clear();
  selected = null;
  composer.hidden = true;
  el("no-selection").hidden = false;
  messageList.replaceChildren();
  renderList();
  const url = new URL(location.href);
  url.searchParams.set("property", next);
  history.replaceState(null, "", url);
  if (connection.state === HubConnectionState.Connected) {
    if (previous) {
      await connection.invoke("LeaveProperty", previous);
    }
    await join();
  }
}

switcher.addEventListener("change", () => void switchProperty(switcher.value));

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

async function boot(): Promise<void> {
  const me = await fetchMe();
  if (!me) {
    showSignIn();
    return;
  }
  el("sign-in").hidden = true;
  el("topbar").hidden = false;
  el("console").hidden = false;
  el("agent-name").textContent = me.name;
  switcher.replaceChildren(
    ...me.memberships.map((m) => {
      const option = document.createElement("option");
      option.value = m.propertyId;
      option.textContent = m.propertyId;
      return option;
    }),
  );
  const wanted = new URLSearchParams(location.search).get("property");
  const initial = me.memberships.find((m) => m.propertyId === wanted)?.propertyId ?? me.memberships[0]?.propertyId ?? "";
  if (!initial) {
    el("empty-list").textContent = "You do not belong to any property yet. Ask an admin to add you.";
    return;
  }
  switcher.value = initial;
  await switchProperty(initial);
  await start();
}

renderList();
void boot();
