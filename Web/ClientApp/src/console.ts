import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { api, propertyPath } from "./console/api";
import { type DetailContext, loadConversation, renderDetail } from "./console/detail";
import { renderSidebar, type Sidebar } from "./console/sidebar";
import type { Conversation, ConversationMessage, Department, PropertyAgent } from "./console/types";
import type { ConversationEvent } from "./events";
import { presenceDot, renderSettings } from "./console/admin";
import { installShortcuts, shortcutHelp } from "./console/keyboard";
import { renderNewTicket } from "./console/newTicket";
import { bdi, h, isolate, option } from "./shared/dom";

type View = "all" | "chats" | "tickets" | "trash" | "spam";

interface Row {
  id: string;
  kind: "Chat" | "Ticket";
  status: "Open" | "Pending" | "Closed";
  place: "Inbox" | "Trashed" | "Spam" | "Purged";
  title: string;
  requester: string | null;
  assigneeKind: "None" | "Agent" | "Department";
  assigneeId: string | null;
  messageCount: number;
  createdAt: string;
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
  presence: PropertyAgent["presence"];
  memberships: { propertyId: string; role: string }[];
}

interface PresenceChange {
  propertyId: string;
  agentId: string;
  name: string;
  presence: PropertyAgent["presence"];
}

/** "?popout=chat/{id}": this window shows one conversation, live, and nothing else (CHAT-6, TIC-9). */
const popout = /^(chat|ticket)\/([0-9a-f-]{36})$/i.exec(new URLSearchParams(location.search).get("popout") ?? "");

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
let selected: { id: string; kind: "chat" | "ticket"; append: (m: ConversationMessage) => void } | null = null;
/** The conversation the pane is showing or about to show; live events for it reload the pane. */
let target: string | null = null;
let me: Me | null = null;
let sidebar: Sidebar | null = null;
let refreshTimer = 0;
let memberships: Me["memberships"] = [];

const context: DetailContext = {
  propertyId: "",
  agentId: "",
  agents: [],
  departments: [],
  sendChatMessage: (chatId, text) => connection.invoke("SendMessage", context.propertyId, chatId, crypto.randomUUID(), text),
  changed: (c) => {
    scheduleRefresh();
    if (target === c.view.id) {
      void open(c.kind, c.view.id, c);
    }
  },
  open: (kind, id) => void open(kind, id),
  popout: popout !== null,
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

let pageRequests = 0;

async function loadPage(reset: boolean): Promise<void> {
  if (!context.propertyId || popout) {
    return;
  }
  // Only the latest request may fill the list: filters change faster than answers arrive.
  const mine = ++pageRequests;
  const loading = reset && rows.length === 0;
  listStatus.textContent = loading ? "Loading…" : listStatus.textContent;
  list.setAttribute("aria-busy", String(loading));
  el("empty-list").hidden = true;
  try {
    const page = await api<Page>("GET", query(view, reset ? null : nextCursor, reset ? Math.max(50, Math.min(rows.length, 200)) : 50));
    if (mine !== pageRequests) {
      return;
    }
    rows = reset ? page.rows : [...rows, ...page.rows];
    nextCursor = page.nextCursor;
    listStatus.textContent = `${page.total} in this view`;
    listStatus.classList.remove("error");
    list.setAttribute("aria-busy", "false");
    renderList();
  } catch (error) {
    if (mine !== pageRequests) {
      return;
    }
    listStatus.textContent = `The list could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    listStatus.classList.add("error");
  } finally {
    list.setAttribute("aria-busy", "false");
  }
}

function filtered(): boolean {
  return [...el("filters").querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")]
    .some((field) => field.id !== "filter-sort" && field.value.trim() !== "");
}

function emptyText(): string {
  if (filtered()) {
    return "Nothing matches these filters.";
  }
  return { all: "No conversations here yet. Open the demo site and start a chat.", chats: "No chats yet.", tickets: "No tickets yet.",
    trash: "Trash is empty.", spam: "No spam." }[view];
}

async function loadCounts(): Promise<void> {
  if (popout) {
    return;
  }
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

const duration = (row: Row) => {
  const minutes = Math.round((new Date(row.updatedAt).getTime() - new Date(row.createdAt).getTime()) / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

/** One labelled column of a row (INB-3). */
const cell = (column: string, label: string, value: string) =>
  h("span", { class: "cell", "data-col": column }, h("span", { class: "label" }, label), bdi(value));

function renderList(): void {
  const empty = el("empty-list");
  empty.hidden = rows.length > 0 || list.getAttribute("aria-busy") === "true";
  empty.textContent = emptyText();
  el("more").hidden = !nextCursor;
  const assigneeName = (row: Row) =>
    (row.assigneeKind === "Department" ? context.departments.find((d) => d.id === row.assigneeId)?.name
      : context.agents.find((a) => a.id === row.assigneeId)?.name) ?? (row.assigneeId ? "…" : "—");
  const priorities = ["Lowest", "Low", "Medium", "High", "Highest"];
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
      const chat = row.kind === "Chat";
      const button = h("button", { type: "button", "data-chat-id": row.id, "data-kind": row.kind, "aria-current": String(row.id === selected?.id) },
        h("span", { class: "kind" }, row.kind),
        h("strong", { dir: "auto" }, row.title),
        h("span", { class: "preview", dir: "auto" }, row.requester ?? ""),
        h("span", { class: "cells" },
          cell("status", "Status", row.status),
          cell("assignee", "Assigned", assigneeName(row)),
          cell("messages", "Msgs", String(row.messageCount)),
          chat ? cell("duration", "Duration", duration(row)) : cell("priority", "Priority", priorities[row.priority - 1] ?? String(row.priority)),
          ...(chat ? [cell("rating", "Rating", row.rating === "Good" ? "👍 Good" : row.rating === "Bad" ? "👎 Bad" : "—")] : []),
          cell("updated", "Updated", new Date(row.updatedAt).toLocaleString([], { dateStyle: "short", timeStyle: "short" })),
          cell("created", "Created", new Date(row.createdAt).toLocaleDateString())),
        ...(row.tags.length ? [h("span", { class: "meta" }, ...row.tags.flatMap((t, i) => [i ? " " : "", bdi(`#${t}`)]))] : []));
      button.addEventListener("click", () => void open(chat ? "chat" : "ticket", row.id));
      return h("li", {}, tick, button);
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

let showing = 0;

/** Loads and renders off-screen; only the latest open() swaps in, so the last one clicked wins over slower loads and live reloads. */
async function open(kind: "chat" | "ticket", id: string, loaded?: Conversation): Promise<void> {
  const mine = ++showing;
  target = id;
  if (selected?.id !== id) {
    detail.setAttribute("aria-busy", "true");
  }
  try {
    const c = loaded ?? await loadConversation(context, kind, id);
    const pane = document.createElement("div");
    const append = await renderDetail(pane, context, c);
    if (mine !== showing) {
      return;
    }
    const sessionOpen = selected?.id === id && detail.querySelector<HTMLElement>("#session-info:not([hidden])") !== null;
    const draft = selected?.id === id ? draftOf(detail) : null;
    selected = { id, kind, append };
    detail.replaceChildren(...pane.childNodes);
    if (draft) {
      restoreDraft(detail, draft);
    }
    if (sessionOpen) {
      detail.querySelector<HTMLButtonElement>("[aria-controls=session-info]")?.click();
    }
    renderList();
    sidebar?.showVisitor(c.kind === "chat" ? c.view.visitorId : c.view.requester.visitorId);
    if (popout) {
      document.title = `${isolate(c.kind === "chat" ? c.view.visitorName : c.view.subject)} — Conversations`;
    }
  } catch (error) {
    if (mine === showing) {
      detail.replaceChildren(h("p", { class: "error", role: "alert" }, `This conversation could not be opened: ${error instanceof Error ? error.message : String(error)}`));
    }
  } finally {
    if (mine === showing) {
      detail.setAttribute("aria-busy", "false");
    }
  }
}

interface Draft {
  fields: [label: string, value: string, checked: boolean, shown: boolean][];
  focused: string | null;
}

const labelOf = (e: Element) => e.getAttribute("aria-label") ?? e.getAttribute("placeholder") ?? "";

/** What the agent is typing in the pane, so a live reload of the same conversation does not throw it away. */
function draftOf(pane: HTMLElement): Draft {
  const fields = [...pane.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(".composer textarea, .composer input, .tag-bar input")]
    .map((f): Draft["fields"][number] => [labelOf(f), f.value, f instanceof HTMLInputElement && f.checked, !f.hidden]);
  const active = document.activeElement;
  return { fields, focused: active && pane.contains(active) ? labelOf(active) : null };
}

function restoreDraft(pane: HTMLElement, draft: Draft): void {
  for (const [label, value, checked, shown] of draft.fields) {
    const field = [...pane.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(".composer textarea, .composer input, .tag-bar input")]
      .find((f) => labelOf(f) === label);
    if (!field) {
      continue;
    }
    if (field instanceof HTMLInputElement && field.type === "checkbox") {
      if (field.checked !== checked) {
        field.click();
      }
    } else {
      field.value = value;
    }
    if (shown && field.hidden) {
      // The tag input was open: the + button opens it again (and becomes Save).
      field.parentElement?.querySelector<HTMLButtonElement>("button[title='Add a tag']")?.click();
    }
  }
  if (draft.focused) {
    [...pane.querySelectorAll<HTMLElement>("[aria-label], [placeholder]")].find((e) => labelOf(e) === draft.focused)?.focus();
  }
}

function showPlaceholder(): void {
  selected = null;
  target = null;
  ++showing;
  detail.replaceChildren(h("p", { class: "muted placeholder" }, "Select a conversation to see its messages. Press ? for keyboard shortcuts."));
}

function apply(event: ConversationEvent | { type: string; propertyId: string; conversationId: string; at: string }): void {
  if (event.propertyId !== context.propertyId) {
    return;
  }
  scheduleRefresh();
  if (target !== event.conversationId || !selected || selected.id !== target) {
    return;
  }
  if (event.type === "messagePosted" && "message" in event) {
    selected.append(event.message);
  } else {
    void open(selected.kind, selected.id);
  }
}

function applyPresence(change: PresenceChange): void {
  if (change.propertyId !== context.propertyId) {
    return;
  }
  const agent = context.agents.find((a) => a.id === change.agentId);
  if (agent) {
    agent.presence = change.presence;
  }
  if (change.agentId === me?.id && change.presence !== "Offline") {
    el<HTMLSelectElement>("my-presence").value = change.presence;
  }
  renderTeam();
  const cellOf = detail.querySelector<HTMLElement>(`[data-agent-id="${change.agentId}"] [data-presence]`);
  if (cellOf) {
    cellOf.dataset.presence = change.presence;
    cellOf.textContent = change.presence;
  }
}

/** Who of the property's agents is online, away or offline (ADM-2), kept live by presence events. */
function renderTeam(): void {
  const order = { Online: 0, Away: 1, Offline: 2 };
  const agents = [...context.agents].sort((a, b) => order[a.presence] - order[b.presence] || a.name.localeCompare(b.name));
  el("team-list").replaceChildren(...agents.map((a) =>
    h("li", { "data-agent-id": a.id, "data-presence": a.presence, title: `${a.name}: ${a.presence}` },
      presenceDot(a.presence), h("span", { class: "name" }, bdi(a.name), a.id === me?.id ? " (you)" : ""), h("span", { class: "sr-only" }, ` ${a.presence}`))));
  el("team-count").textContent = `${context.agents.filter((a) => a.presence !== "Offline").length}/${context.agents.length}`;
}

connection.on("conversationEvent", apply);
connection.on("agentPresence", applyPresence);
// An admin removed this agent from a property (ADM-4): start over with the properties that are left.
connection.on("accessRevoked", (revoked: { propertyId: string }) => {
  if (revoked.propertyId === context.propertyId) {
    location.reload();
  }
});
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
  // Events sent while disconnected are not replayed: refetch the list, the team and the open conversation.
  scheduleRefresh();
  void loadTeam().catch(() => undefined);
  if (selected) {
    void open(selected.kind, selected.id);
  }
  const wanted = el<HTMLSelectElement>("my-presence").value;
  if (wanted === "Away") {
    await connection.invoke("SetPresence", "Away");
  }
}

async function loadTeam(): Promise<void> {
  [context.agents, context.departments] = await Promise.all([
    api<PropertyAgent[]>("GET", `${propertyPath(context.propertyId)}/agents`),
    api<Department[]>("GET", `${propertyPath(context.propertyId)}/departments`),
  ]);
  el<HTMLSelectElement>("filter-assignee").replaceChildren(
    option("", "Anyone"),
    ...context.agents.map((a) => option(a.id, a.name)),
    ...context.departments.map((d) => option(d.id, `Department: ${d.name}`)),
  );
  renderTeam();
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

const isAdmin = () => memberships.find((m) => m.propertyId === context.propertyId)?.role === "Admin";

async function switchProperty(next: string): Promise<void> {
  const previous = context.propertyId;
  context.propertyId = next;
  rows = [];
  ticked.clear();
  showPlaceholder();
  renderList();
  const url = new URL(location.href);
  url.searchParams.set("property", next);
  history.replaceState(null, "", url);
  if (!popout) {
    sidebar = renderSidebar(el("sidebar"), () => context.propertyId, (kind, id) => void open(kind, id), isAdmin);
  }
  await loadTeam();
  if (connection.state === HubConnectionState.Connected) {
    if (previous && previous !== next) {
      await connection.invoke("LeaveProperty", previous);
    }
    await join();
  }
  await Promise.all([loadPage(true), loadCounts().catch(() => undefined)]);
}

function showSettings(): void {
  showPlaceholder();
  renderList();
  detail.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  const mine = showing;
  void renderSettings(detail, {
    propertyId: context.propertyId,
    isAdmin: isAdmin(),
    propertiesChanged: async (show) => {
      await loadMemberships();
      switcher.value = show;
      await switchProperty(show);
      showSettings();
    },
    teamChanged: loadTeam,
  }).catch((error) => {
    if (mine === showing) {
      detail.replaceChildren(h("p", { class: "error", role: "alert" }, `Settings could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
}

async function loadMemberships(): Promise<void> {
  me = await api<Me>("GET", "/api/v1/me");
  context.agentId = me.id;
  memberships = me.memberships;
  switcher.replaceChildren(...me.memberships.map((m) => option(m.propertyId, m.propertyId)));
}

/** The selected conversation's close (CHAT-2 / TIC-5), asked for first: both are irreversible. */
async function closeSelected(): Promise<void> {
  if (!selected) {
    return;
  }
  const { id, kind } = selected;
  if (!confirm(`Close this ${kind}?\n\nThis cannot be undone.`)) {
    return;
  }
  const path = `${propertyPath(context.propertyId)}/${kind === "chat" ? "chats" : "tickets"}/${id}`;
  try {
    await (kind === "chat" ? api("POST", `${path}/close`) : api("POST", `${path}/status`, { status: "Closed" }));
    await open(kind, id);
    scheduleRefresh();
  } catch (error) {
    const line = detail.querySelector(".error");
    if (line) {
      line.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}

function moveInList(delta: 1 | -1): void {
  const buttons = [...list.querySelectorAll<HTMLButtonElement>("li > button")];
  if (buttons.length === 0) {
    return;
  }
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const from = at >= 0 ? at : buttons.findIndex((b) => b.getAttribute("aria-current") === "true");
  const next = buttons[Math.min(buttons.length - 1, Math.max(0, from < 0 ? 0 : from + delta))];
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

installShortcuts({
  move: (delta) => !popout && moveInList(delta),
  openFocused: () => {
    const focused = list.querySelector<HTMLButtonElement>("li > button:focus") ?? list.querySelector<HTMLButtonElement>("li > button");
    focused?.click();
  },
  focusReply: () => detail.querySelector<HTMLTextAreaElement>(".composer textarea")?.focus(),
  focusFilters: () => !popout && el<HTMLSelectElement>("filter-status").focus(),
  closeConversation: () => void closeSelected(),
  showHelp: () => el<HTMLDialogElement>("help").showModal(),
  escape: () => {
    document.querySelectorAll<HTMLDetailsElement>("details.menu[open]").forEach((menu) => (menu.open = false));
    const session = detail.querySelector<HTMLElement>("#session-info:not([hidden]) button.close");
    session?.click();
  },
});

let filterTimer = 0;
el("filters").addEventListener("change", () => {
  clearTimeout(filterTimer);
  void loadPage(true);
});
// Typed filters apply after a pause, without leaving the field.
el("filters").addEventListener("input", (e) => {
  if (e.target instanceof HTMLInputElement && e.target.type !== "date") {
    clearTimeout(filterTimer);
    filterTimer = window.setTimeout(() => void loadPage(true), 300);
  }
});
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
  try {
    await loadMemberships();
  } catch {
    showSignIn();
    return;
  }
  el("sign-in").hidden = true;
  el("topbar").hidden = false;
  el("console").hidden = false;
  el("agent-name").replaceChildren(bdi(me!.name));
  const wanted = new URLSearchParams(location.search).get("property");
  const initial = memberships.find((m) => m.propertyId === wanted)?.propertyId ?? (popout ? "" : memberships[0]?.propertyId ?? "");
  if (!initial) {
    el("empty-list").textContent = popout ? "" : "You do not belong to any property yet. Ask an admin to add you.";
    detail.replaceChildren(h("p", { class: "error", role: "alert" }, popout
      ? "This conversation belongs to a property you are not a member of."
      : "You do not belong to any property yet. Ask an admin to add you, or create one in Settings."));
    return;
  }
  switcher.value = initial;
  await switchProperty(initial);
  if (popout) {
    await open(popout[1].toLowerCase() as "chat" | "ticket", popout[2]);
  }
  await start();
}

el("settings").addEventListener("click", showSettings);
el("shortcuts-help").addEventListener("click", () => el<HTMLDialogElement>("help").showModal());
el("new-ticket").addEventListener("click", () => {
  showPlaceholder();
  renderList();
  renderNewTicket(detail, context.propertyId, (id) => {
    scheduleRefresh();
    void open("ticket", id);
  });
});
el<HTMLSelectElement>("my-presence").addEventListener("change", async (e) => {
  const select = e.target as HTMLSelectElement;
  try {
    await connection.invoke("SetPresence", select.value);
  } catch {
    listStatus.textContent = "Your status could not be changed; the connection is down.";
  }
});
el("help-list").replaceChildren(...shortcutHelp.map(([keys, what]) => h("div", {}, h("dt", {}, h("kbd", {}, keys)), h("dd", {}, what))));
if (popout) {
  document.body.classList.add("popout");
}

renderList();
void boot();
