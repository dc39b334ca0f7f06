import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { api, propertyPath } from "./console/api";
import { type DetailContext, loadConversation, renderDetail } from "./console/detail";
import { renderSidebar, type Sidebar } from "./console/sidebar";
import type { Conversation, ConversationMessage, Department, PropertyAgent } from "./console/types";
import type { ConversationEvent } from "./events";

type View = "all" | "chats" | "tickets" | "trash" | "spam";

interface Row {
  id: string;
  kind: "Chat" | "Ticket";
  status: "Open" | "Pending" | "Closed";
  place: "Inbox" | "Trashed" | "Spam" | "Purged";
  title: string;
  requester: string | null;
  assigneeId: string | null;
  messageCount: number;
  updatedAt: string;
  rating: "None" | "Good" | "Bad";
  priority: number;
  tags: string[];
  version: number;
}

interface Page {
  rows: Row[];
  total: number;
  nextCursor: string | null;
}

interface BulkItemResult {
  id: string;
  succeeded: boolean;
  message: string | null;
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
const listStatus = el<HTMLParagraphElement>("list-status");

let rows: Row[] = [];
let nextCursor: string | null = null;
let view: View = "all";
const ticked = new Set<string>();
let selected: { id: string; append: (m: ConversationMessage) => void } | null = null;
let sidebar: Sidebar | null = null;
let refreshTimer = 0;
let memberships: Me["memberships"] = [];

const context: DetailContext = {
  propertyId: "",
  agents: [],
  departments: [],
  sendChatMessage: (chatId, text) => connection.invoke("SendMessage", context.propertyId, chatId, crypto.randomUUID(), text),
  changed: (c) => {
    scheduleRefresh();
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

/** The INB-4 filters as query parameters of GET …/inbox. */
function query(forView: View, cursor: string | null, limit: number): string {
  const value = (id: string) => el<HTMLInputElement>(id).value.trim();
  const parameters = new URLSearchParams({ view: forView, limit: String(limit), sort: value("filter-sort") || "updated" });
  const day = (id: string, end: boolean) => (value(id) ? new Date(`${value(id)}T${end ? "23:59:59" : "00:00:00"}`).toISOString() : "");
  for (const [name, v] of [["status", value("filter-status")], ["assignee", value("filter-assignee")], ["minMessages", value("filter-min")],
    ["tags", value("filter-tags")], ["updatedFrom", day("filter-from", false)], ["updatedTo", day("filter-to", true)], ["cursor", cursor ?? ""]]) {
    if (v) {
      parameters.set(name, v);
    }
  }
  return `${propertyPath(context.propertyId)}/inbox?${parameters}`;
}

async function loadPage(reset: boolean): Promise<void> {
  if (!context.propertyId) {
    return;
  }
  listStatus.textContent = reset && rows.length === 0 ? "Loading…" : "";
  try {
    const page = await api<Page>("GET", query(view, reset ? null : nextCursor, reset ? Math.max(50, Math.min(rows.length, 200)) : 50));
    rows = reset ? page.rows : [...rows, ...page.rows];
    nextCursor = page.nextCursor;
    listStatus.textContent = `${page.total} in this view`;
    renderList();
  } catch (error) {
    listStatus.textContent = error instanceof Error ? error.message : String(error);
  }
}

async function loadCounts(): Promise<void> {
  await Promise.all((["all", "chats", "tickets", "trash", "spam"] as View[]).map(async (v) => {
    const page = await api<Page>("GET", query(v, null, 1));
    document.querySelector(`[data-count="${v}"]`)!.textContent = String(page.total);
  }));
}

/** Events arrive in bursts; one refetch per quarter second keeps every console within a second of the truth (INB-6). */
function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void Promise.all([loadPage(true), loadCounts().catch(() => undefined)]), 250);
}

function renderList(): void {
  el("empty-list").hidden = rows.length > 0;
  el("more").hidden = !nextCursor;
  const agentName = (id: string | null) => context.agents.find((a) => a.id === id)?.name ?? context.departments.find((d) => d.id === id)?.name ?? "";
  list.replaceChildren(
    ...rows.map((row) => {
      const tick = Object.assign(document.createElement("input"), { type: "checkbox", checked: ticked.has(row.id) });
      tick.setAttribute("aria-label", `Select ${row.title}`);
      tick.addEventListener("change", () => {
        if (tick.checked) {
          ticked.add(row.id);
        } else {
          ticked.delete(row.id);
        }
        renderBulk();
      });
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.chatId = row.id;
      button.setAttribute("aria-current", String(row.id === selected?.id));
      const kind = Object.assign(document.createElement("span"), { className: "kind", textContent: row.kind });
      const name = Object.assign(document.createElement("strong"), { textContent: row.title });
      const meta = Object.assign(document.createElement("span"), {
        className: "meta",
        textContent: [row.status, `${row.messageCount} msg`, agentName(row.assigneeId), row.rating !== "None" ? row.rating : "",
          row.kind === "Ticket" ? `P${row.priority}` : "", new Date(row.updatedAt).toLocaleString(), row.tags.join(", ")].filter(Boolean).join(" · "),
      });
      const preview = Object.assign(document.createElement("span"), { className: "preview", textContent: row.requester ?? "" });
      button.append(kind, name, preview, meta);
      button.addEventListener("click", () => void open(row.kind === "Chat" ? "chat" : "ticket", row.id));
      const item = document.createElement("li");
      item.append(tick, button);
      return item;
    }),
  );
  renderBulk();
}

function renderBulk(): void {
  for (const id of [...ticked]) {
    if (!rows.some((r) => r.id === id)) {
      ticked.delete(id);
    }
  }
  el("bulk").hidden = ticked.size === 0;
  el("bulk-count").textContent = `${ticked.size} selected`;
}

async function bulk(action: string): Promise<void> {
  const ids = [...ticked];
  const irreversible = action === "close" || action === "purge";
  if (irreversible && !confirm(`${action === "close" ? "Close" : "Permanently delete"} ${ids.length} conversation(s)?\n\nThis cannot be undone.`)) {
    return;
  }
  const results = await api<BulkItemResult[]>("POST", `${propertyPath(context.propertyId)}/inbox/bulk`, { action, ids });
  const refused = results.filter((r) => !r.succeeded);
  listStatus.textContent = refused.length === 0
    ? `${results.length} done.`
    : `${results.length - refused.length} done, ${refused.length} refused: ${refused.map((r) => r.message).join("; ")}`;
  ticked.clear();
  scheduleRefresh();
}

async function open(kind: "chat" | "ticket", id: string): Promise<void> {
  try {
    await show(await loadConversation(context, kind, id));
  } catch (error) {
    detail.replaceChildren(Object.assign(document.createElement("p"), { className: "error", textContent: String(error) }));
  }
}

let showing = 0;

/** Renders off-screen and swaps in only if no later show() started meanwhile, so the last one clicked wins. */
async function show(c: Conversation): Promise<void> {
  const mine = ++showing;
  const current = { id: c.view.id, append: (_: ConversationMessage) => {} };
  selected = current;
  renderList();
  sidebar?.showVisitor(c.kind === "chat" ? c.view.visitorId : c.view.requester.visitorId);
  const pane = document.createElement("div");
  const append = await renderDetail(pane, context, c);
  if (mine === showing) {
    detail.replaceChildren(...pane.childNodes);
    current.append = append;
  }
}

function apply(event: ConversationEvent | { type: string; propertyId: string; conversationId: string; at: string }): void {
  if (event.propertyId !== context.propertyId) {
    return;
  }
  scheduleRefresh();
  if (selected?.id !== event.conversationId) {
    return;
  }
  if (event.type === "messagePosted" && "message" in event) {
    selected.append(event.message);
  } else {
    const kind = rows.find((r) => r.id === event.conversationId)?.kind === "Ticket" ? "ticket" : "chat";
    void loadConversation(context, kind, event.conversationId).then((c) => void show(c)).catch(() => undefined);
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
  scheduleRefresh(); // events sent while disconnected are not replayed
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
  rows = [];
  ticked.clear();
  selected = null;
  detail.replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: "Select a conversation to see its messages." }));
  renderList();
  const url = new URL(location.href);
  url.searchParams.set("property", next);
  history.replaceState(null, "", url);
  sidebar = renderSidebar(el("sidebar"), () => context.propertyId, (kind, id) => void open(kind, id),
    () => memberships.find((m) => m.propertyId === context.propertyId)?.role === "Admin");
  [context.agents, context.departments] = await Promise.all([
    api<PropertyAgent[]>("GET", `${propertyPath(next)}/agents`),
    api<Department[]>("GET", `${propertyPath(next)}/departments`),
  ]);
  el<HTMLSelectElement>("filter-assignee").replaceChildren(
    Object.assign(document.createElement("option"), { value: "", textContent: "Anyone" }),
    ...context.agents.map((a) => Object.assign(document.createElement("option"), { value: a.id, textContent: a.name })),
    ...context.departments.map((d) => Object.assign(document.createElement("option"), { value: d.id, textContent: d.name })),
  );
  if (connection.state === HubConnectionState.Connected) {
    if (previous) {
      await connection.invoke("LeaveProperty", previous);
    }
    await join();
  }
  await Promise.all([loadPage(true), loadCounts().catch(() => undefined)]);
}

el("filters").addEventListener("change", () => void loadPage(true));
el("filters").addEventListener("submit", (e) => e.preventDefault());
el("more").addEventListener("click", () => void loadPage(false));
for (const button of document.querySelectorAll<HTMLButtonElement>("[data-bulk]")) {
  button.addEventListener("click", () => void bulk(button.dataset.bulk!));
}

for (const button of document.querySelectorAll<HTMLButtonElement>(".views button")) {
  button.addEventListener("click", () => {
    view = button.dataset.view as View;
    document.querySelectorAll(".views button").forEach((b) => b.setAttribute("aria-current", String(b === button)));
    rows = [];
    void loadPage(true);
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
  memberships = me.memberships;
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
