import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { api, propertyPath } from "./console/api";
import { type DetailContext, loadConversation, renderDetail } from "./console/detail";
import { renderSidebar, type Sidebar } from "./console/sidebar";
import type { Conversation, ConversationMessage, Department, PropertyAgent } from "./console/types";
import type { ConversationEvent } from "./events";

type View = "all" | "chats" | "tickets" | "trash" | "spam";

interface Row {
  kind: "chat" | "ticket";
  id: string;
  title: string;
  preview: string;
  place: "Inbox" | "Trashed" | "Spam";
  updatedAt: string;
}

interface Me {
  id: string;
  email: string;
  name: string;
  memberships: { propertyId: string; role: string }[];
}

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const connectionBadge = el<HTMLSpanElement>("connection");
const list = el<HTMLUListElement>("chats");
const detail = el<HTMLElement>("detail");
const switcher = el<HTMLSelectElement>("property-switcher");

const rows = new Map<string, Row>();
let view: View = "all";
let selected: { id: string; append: (m: ConversationMessage) => void } | null = null;
let sidebar: Sidebar | null = null;

const context: DetailContext = {
  propertyId: "",
  agents: [],
  departments: [],
  sendChatMessage: (chatId, text) => connection.invoke("SendMessage", context.propertyId, chatId, crypto.randomUUID(), text),
  changed: (c) => {
    upsert(rowOf(c));
    if (selected?.id === c.view.id) {
      void show(c);
    }
  },
  open: (kind, id) => void open(kind, id),
};

const connection = new HubConnectionBuilder()
  .withUrl("/hubs/agent")
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
  .configureLogging(LogLevel.Warning)
  .build();

function rowOf(c: Conversation): Row {
  const place = c.view.bin === "Purged" ? "Trashed" : c.view.bin;
  return c.kind === "chat"
    ? { kind: "chat", id: c.view.id, title: c.view.visitorName, preview: rows.get(c.view.id)?.preview ?? "", place, updatedAt: c.view.updatedAt }
    : { kind: "ticket", id: c.view.id, title: c.view.subject, preview: rows.get(c.view.id)?.preview ?? "", place, updatedAt: c.view.updatedAt };
}

function visible(row: Row): boolean {
  switch (view) {
    case "trash":
      return row.place === "Trashed";
    case "spam":
      return row.place === "Spam";
    case "chats":
      return row.place === "Inbox" && row.kind === "chat";
    case "tickets":
      return row.place === "Inbox" && row.kind === "ticket";
    default:
      return row.place === "Inbox";
  }
}

function upsert(row: Row): void {
  rows.set(row.id, { ...rows.get(row.id), ...row });
  renderList();
}

function renderList(): void {
  const shown = [...rows.values()].filter(visible).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  el("empty-list").hidden = shown.length > 0;
  list.replaceChildren(
    ...shown.map((row) => {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.chatId = row.id;
      button.setAttribute("aria-current", String(row.id === selected?.id));
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = row.kind;
      const name = document.createElement("strong");
      name.textContent = row.title;
      const preview = document.createElement("span");
      preview.className = "preview";
      preview.textContent = row.preview || (row.kind === "chat" ? "New chat" : "New ticket");
      button.append(kind, name, preview);
      button.addEventListener("click", () => void open(row.kind, row.id));
      const item = document.createElement("li");
      item.append(button);
      return item;
    }),
  );
}

async function open(kind: "chat" | "ticket", id: string): Promise<void> {
  try {
    const c = await loadConversation(context, kind, id);
    upsert(rowOf(c));
    await show(c);
  } catch (error) {
    detail.replaceChildren(Object.assign(document.createElement("p"), { className: "error", textContent: String(error) }));
  }
}

async function show(c: Conversation): Promise<void> {
  selected = { id: c.view.id, append: () => {} };
  renderList();
  sidebar?.showVisitor(c.kind === "chat" ? c.view.visitorId : c.view.requester.visitorId);
  selected.append = await renderDetail(detail, context, c);
}

function apply(event: ConversationEvent | { type: string; propertyId: string; conversationId: string; at: string }): void {
  if (event.propertyId !== context.propertyId) {
    return;
  }
  const known = rows.get(event.conversationId);
  if (event.type === "chatStarted" && "visitorName" in event) {
    upsert({ kind: "chat", id: event.conversationId, title: event.visitorName, preview: "", place: "Inbox", updatedAt: event.at });
  } else if (event.type === "ticketCreated" && "subject" in event) {
    upsert({ kind: "ticket", id: event.conversationId, title: String(event.subject), preview: "", place: "Inbox", updatedAt: event.at });
  } else if (event.type === "messagePosted" && "message" in event && known) {
    upsert({ ...known, preview: event.message.text, updatedAt: event.at });
    if (selected?.id === event.conversationId) {
      selected.append(event.message);
    }
  } else if (known) {
    void loadConversation(context, known.kind, known.id).then(context.changed);
  }
}

connection.on("conversationEvent", apply);
connection.onreconnecting(() => showConnection("reconnecting"));
connection.onreconnected(() => void join());
connection.onclose(() => {
  showConnection("offline");
  setTimeout(start, 2000);
});

function showConnection(state: "connecting" | "live" | "reconnecting" | "offline"): void {
  const labels = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline — retrying" };
  connectionBadge.dataset.state = state;
  connectionBadge.textContent = labels[state];
}

async function join(): Promise<void> {
  await connection.invoke("JoinProperty", context.propertyId);
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
  const previous = context.propertyId;
  context.propertyId = next;
  rows.clear();
  selected = null;
  detail.replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: "Select a conversation to see its messages." }));
  renderList();
  const url = new URL(location.href);
  url.searchParams.set("property", next);
  history.replaceState(null, "", url);
  sidebar = renderSidebar(el("sidebar"), () => context.propertyId, (kind, id) => void open(kind, id));
  [context.agents, context.departments] = await Promise.all([
    api<PropertyAgent[]>("GET", `${propertyPath(next)}/agents`),
    api<Department[]>("GET", `${propertyPath(next)}/departments`),
  ]);
  if (connection.state === HubConnectionState.Connected) {
    if (previous) {
      await connection.invoke("LeaveProperty", previous);
    }
    await join();
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>(".views button")) {
  button.addEventListener("click", () => {
    view = button.dataset.view as View;
    document.querySelectorAll(".views button").forEach((b) => b.setAttribute("aria-current", String(b === button)));
    renderList();
  });
}
switcher.addEventListener("change", () => void switchProperty(switcher.value));

// Sign-in, sign-out and start-up.
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
    await api("POST", "/api/v1/auth/sign-in", { email: el<HTMLInputElement>("email").value, password: el<HTMLInputElement>("password").value });
    el<HTMLInputElement>("password").value = "";
    await boot();
  } catch (failure) {
    error.textContent = failure instanceof Error ? failure.message : "The server cannot be reached. Try again.";
  } finally {
    button.disabled = false;
    button.textContent = "Sign in";
  }
});

el("sign-out").addEventListener("click", async () => {
  await connection.stop();
  await api("POST", "/api/v1/auth/sign-out");
  location.reload();
});

async function boot(): Promise<void> {
  let me: Me;
  try {
    me = await api<Me>("GET", "/api/v1/me");
  } catch {
    showSignIn();
    return;
  }
  el("sign-in").hidden = true;
  el("topbar").hidden = false;
  el("console").hidden = false;
  el("agent-name").textContent = me.name;
  switcher.replaceChildren(
    ...me.memberships.map((m) => Object.assign(document.createElement("option"), { value: m.propertyId, textContent: m.propertyId })),
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
