import { api, propertyPath } from "./api";
import { bdi, busy, h, isolate, option } from "../shared/dom";
import { renderMessage } from "../events";
import { renderSessionInfo } from "./details";
import type { Assignee, ChatView, Conversation, ConversationMessage, Department, PropertyAgent, TicketView } from "./types";

/** Everything the detail pane needs from the rest of the console. */
export interface DetailContext {
  propertyId: string;
  /** The signed-in agent's id, for Pick up. */
  agentId: string;
  agents: PropertyAgent[];
  departments: Department[];
  /** Sends an agent reply in a chat over the hub (live path). */
  sendChatMessage(chatId: string, text: string): Promise<void>;
  /** Called after a change so the list and the pane refresh. */
  changed(conversation: Conversation): void;
  /** Opens another conversation (after a conversion). */
  open(kind: "chat" | "ticket", id: string): void;
  /** True in a popout window, which shows one conversation only. */
  popout: boolean;
}

const confirmIrreversible = (what: string) => confirm(`${what}\n\nThis cannot be undone.`);

export function conversationPath(ctx: DetailContext, c: Conversation): string {
  return `${propertyPath(ctx.propertyId)}/${c.kind === "chat" ? "chats" : "tickets"}/${c.view.id}`;
}

export async function loadConversation(ctx: DetailContext, kind: "chat" | "ticket", id: string): Promise<Conversation> {
  const base = `${propertyPath(ctx.propertyId)}/${kind === "chat" ? "chats" : "tickets"}/${id}`;
  return kind === "chat"
    ? { kind, view: await api<ChatView>("GET", base) }
    : { kind, view: await api<TicketView>("GET", base) };
}

/** Renders the conversation into <paramref name="pane"/> and returns a function that appends a live message. */
export async function renderDetail(pane: HTMLElement, ctx: DetailContext, c: Conversation): Promise<(m: ConversationMessage) => void> {
  const path = conversationPath(ctx, c);
  const error = h("p", { class: "error", role: "alert" });
  const transcript = h("ol", { class: "messages", "data-testid": "messages" });
  const act = (button: HTMLButtonElement | null, action: () => Promise<unknown>) =>
    busy(button, error, async () => {
      await action();
      ctx.changed(await loadConversation(ctx, c.kind, c.view.id));
    });

  const sessionPane = h("aside", { id: "session-info", class: "session-info", "aria-label": "Session info", hidden: true });
  const header = c.kind === "chat" ? chatHeader(c.view, path, act, ctx, sessionPane) : ticketHeader(c.view, path, act, ctx);
  const tags = tagBar(c.view.tags, path, act, c.kind === "ticket");
  const composer = composerFor(ctx, c, path, error);
  pane.replaceChildren(h("div", { class: "detail-header" }, ...header), tags, error, sessionPane, transcript, composer);

  const messages = await api<ConversationMessage[]>("GET", `${path}/messages?limit=1000`);
  messages.forEach((m) => renderMessage(transcript, m));
  return (m) => renderMessage(transcript, m);
}

type Act = (button: HTMLButtonElement | null, action: () => Promise<unknown>) => Promise<void>;

function chatHeader(chat: ChatView, path: string, act: Act, ctx: DetailContext, sessionPane: HTMLElement): Node[] {
  const closed = chat.status === "Closed";
  const status = h("select", { "aria-label": "Chat status", disabled: closed || chat.bin !== "Inbox" },
    option("Open", "Open", !closed), option("Closed", "Closed", closed));
  status.addEventListener("change", () => {
    if (status.value === "Closed" && confirmIrreversible("Close this chat?")) {
      void act(null, () => api("POST", `${path}/close`));
    } else {
      status.value = "Open";
    }
  });
  const convert = h("button", { type: "button", disabled: chat.bin !== "Inbox" }, chat.ticketId ? "Open ticket" : "Convert to Ticket");
  convert.addEventListener("click", () => (chat.ticketId ? ctx.open("ticket", chat.ticketId) : createTicketFromChat(chat, path, ctx, convert)));
  const rating = chat.rating ? h("span", { class: "badge", "data-testid": "rating" }, chat.rating.value === "Good" ? "👍 Good" : "👎 Bad") : null;
  const session = h("button", { type: "button", "aria-expanded": "false", "aria-controls": "session-info" }, "Session info");
  session.addEventListener("click", () => {
    if (!sessionPane.hidden) {
      sessionPane.hidden = true;
      session.setAttribute("aria-expanded", "false");
      return;
    }
    void busy(session, errorOf(session), async () => {
      await renderSessionInfo(sessionPane, ctx.propertyId, chat, () => {
        sessionPane.hidden = true;
        session.setAttribute("aria-expanded", "false");
        session.focus();
      });
      sessionPane.hidden = false;
      session.setAttribute("aria-expanded", "true");
    });
  });
  const open = chat.bin === "Inbox" && !closed;
  const mine = chat.assignee?.kind === "Agent" && chat.assignee.id === ctx.agentId;
  const pickUp = h("button", { type: "button", class: "primary", hidden: mine || !open, title: "Assign this chat to yourself" }, "Pick up");
  pickUp.addEventListener("click", () => void act(pickUp, () => api("POST", `${path}/assignee`, { kind: "Agent", assigneeId: ctx.agentId })));
  return [
    h("h2", { dir: "auto" }, chat.visitorName),
    h("span", { class: "badge", "data-testid": "conversation-status" }, chat.bin === "Inbox" ? chat.status : chat.bin),
    pickUp,
    assigneeMenu(chat.assignee, path, act, ctx, chat.bin !== "Inbox"),
    chatOptions(chat, path, act, ctx),
    ...(rating ? [rating] : []),
    status,
    convert,
    session,
    ...(chat.bin === "Inbox" ? [] : binButtons(path, act, "chat")),
    popoutButton(ctx, "chat", chat.id),
  ];
}

/** Convert to Ticket (CHAT-3) and the options menu's Create Ticket (CHAT-4): a ticket holding the transcript. */
function createTicketFromChat(chat: ChatView, path: string, ctx: DetailContext, control: HTMLElement): void {
  const email = chat.visitorEmail ?? prompt("The ticket needs the visitor's email address:");
  if (email !== null) {
    // Not through act(): the pane moves on to the ticket instead of reloading the chat.
    void busy(control instanceof HTMLButtonElement ? control : null, errorOf(control), async () => {
      const ticket = await api<TicketView>("POST", `${path}/ticket`, { visitorEmail: email || null });
      ctx.open("ticket", ticket.id);
    });
  }
}

/** The transcript as plain text, without whispers: what may leave the team (TIC-4). */
async function transcriptText(path: string): Promise<string> {
  const messages = await api<ConversationMessage[]>("GET", `${path}/messages?limit=1000`);
  return messages
    .filter((m) => !m.isInternal)
    .map((m) => `[${new Date(m.at).toLocaleString()}] ${isolate(m.authorName)}: ${isolate(m.text)}`)
    .join("\n");
}

/** Opens the conversation in a window of its own that stays live (CHAT-6, TIC-9). */
function popoutButton(ctx: DetailContext, kind: "chat" | "ticket", id: string): HTMLElement {
  const button = h("button", { type: "button", title: "Open in a new window", "data-popout": "" }, "↗ Popout");
  button.hidden = ctx.popout;
  button.addEventListener("click", () => {
    const url = `/?property=${encodeURIComponent(ctx.propertyId)}&popout=${kind}/${id}`;
    window.open(url, `conversation-${id}`, "popup,width=760,height=820");
  });
  return button;
}

/** The chat's options menu (CHAT-4): create a ticket, copy or print the transcript, ban the visitor, delete. */
function chatOptions(chat: ChatView, path: string, act: Act, ctx: DetailContext): HTMLElement {
  const inInbox = chat.bin === "Inbox";
  const menu = h("select", { "aria-label": "Chat options" },
    option("", "Options…"), ...(inInbox && !chat.ticketId ? [option("ticket", "Create Ticket")] : []),
    option("copy", "Copy transcript"), option("print", "Print transcript"), option("ban", "Ban visitor"),
    ...(inInbox ? [option("spam", "Mark as spam"), option("trash", "Delete chat")] : []));
  menu.addEventListener("change", () => {
    const choice = menu.value;
    menu.value = "";
    if (choice === "ticket") {
      createTicketFromChat(chat, path, ctx, menu);
    } else if (choice === "trash" || choice === "spam") {
      void act(null, () => api("POST", `${path}/${choice}`));
    } else if (choice === "copy") {
      void act(null, async () => navigator.clipboard.writeText(await transcriptText(path)));
    } else if (choice === "print") {
      void act(null, async () => {
        const text = await transcriptText(path);
        const page = window.open("", "_blank");
        if (page) {
          page.document.title = `Chat with ${isolate(chat.visitorName)}`;
          page.document.body.append(h("h1", {}, "Chat with ", bdi(chat.visitorName)), h("pre", {}, text));
          page.print();
        }
      });
    } else if (choice === "ban") {
      const reason = prompt(`Ban ${isolate(chat.visitorName)}? They will not be able to start chats. Reason:`);
      if (reason !== null) {
        void act(null, () => api("POST", `${propertyPath(ctx.propertyId)}/bans`, { visitorId: chat.visitorId, reason: reason || null }));
      }
    }
  });
  return menu;
}

/** The pane's error line, for actions that do not go through act(). */
function errorOf(element: HTMLElement): HTMLElement {
  return element.closest("#detail")?.querySelector<HTMLElement>(".error") ?? element;
}

function ticketHeader(ticket: TicketView, path: string, act: Act, ctx: DetailContext): Node[] {
  const closed = ticket.status === "Closed";
  const inInbox = ticket.bin === "Inbox";
  const statuses = (["Open", "Pending", "Closed"] as const).map((s) => {
    const button = h("button", { type: "button", class: s === ticket.status ? "active" : "", disabled: closed || !inInbox }, s);
    button.addEventListener("click", () => {
      if (s !== ticket.status && (s !== "Closed" || confirmIrreversible("Close this ticket?"))) {
        void act(button, () => api("POST", `${path}/status`, { status: s }));
      }
    });
    return button;
  });
  const assignee = assigneeMenu(ticket.assignee, path, act, ctx, !inInbox);
  const priority = h("select", { "aria-label": "Priority", disabled: !inInbox },
    ...(["Lowest", "Low", "Medium", "High", "Highest"] as const).map((p) => option(p, p, p === ticket.priority)));
  priority.addEventListener("change", () => void act(null, () => api("POST", `${path}/priority`, { priority: priority.value })));
  return [
    h("h2", { dir: "auto" }, ticket.subject),
    h("span", { class: "muted" }, bdi(ticket.requester.name), " <", bdi(ticket.requester.email), ">"),
    h("span", { class: "badge", "data-testid": "conversation-status" }, inInbox ? ticket.status : ticket.bin),
    h("span", { class: "status-group", role: "group", "aria-label": "Status" }, ...statuses),
    assignee,
    priority,
    ...(inInbox ? [moreOptions(path, act)] : binButtons(path, act, "ticket")),
    popoutButton(ctx, "ticket", ticket.id),
  ];
}

/** Who a chat (CHAT-1) or ticket (TIC-6) is assigned to: an agent or a department. */
function assigneeMenu(current: Assignee | null, path: string, act: Act, ctx: DetailContext, disabled: boolean): HTMLSelectElement {
  const menu = h("select", { "aria-label": "Assignee", disabled },
    option("", "Unassigned", !current),
    ...ctx.agents.map((a) => option(`Agent:${a.id}`, a.name, current?.kind === "Agent" && current.id === a.id)),
    ...ctx.departments.map((d) => option(`Department:${d.id}`, `Department: ${d.name}`, current?.kind === "Department" && current.id === d.id)));
  menu.addEventListener("change", () => {
    const [kind, id] = menu.value ? menu.value.split(":") : ["None", null];
    void act(null, () => api("POST", `${path}/assignee`, { kind, assigneeId: id }));
  });
  return menu;
}

/** The ticket's ⋯ menu (TIC-9): Mark as spam, Delete. */
function moreOptions(path: string, act: Act): HTMLElement {
  const items = ([["spam", "Mark as spam"], ["trash", "Delete"]] as const).map(([action, label]) => {
    const item = h("button", { type: "button", role: "menuitem" }, label);
    item.addEventListener("click", () => {
      menu.open = false;
      void act(null, () => api("POST", `${path}/${action}`));
    });
    return item;
  });
  const menu = h("details", { class: "menu" }, h("summary", { "aria-label": "More options", title: "More options" }, "⋯"),
    h("div", { class: "menu-items", role: "menu" }, ...items));
  return menu;
}

/** Restore and Purge for a conversation in Trash or Spam (BIN-1..3). */
function binButtons(path: string, act: Act, noun: string): Node[] {
  const button = (label: string, action: string, confirmation?: string) => {
    const b = h("button", { type: "button" }, label);
    b.addEventListener("click", () => {
      if (!confirmation || confirmIrreversible(confirmation)) {
        void act(b, () => api("POST", `${path}/${action}`));
      }
    });
    return b;
  };
  return [button("Restore", "restore"), button("Purge", "purge", `Permanently delete this ${noun} and all its messages?`)];
}

/** The Tag button's choice (TIC-8) holds for every ticket until changed, and survives live reloads. */
let ticketTagsShown = true;

function tagBar(tags: string[], path: string, act: Act, togglable: boolean): HTMLElement {
  const list = h("span", { class: "tags", "data-testid": "tags" },
    ...tags.map((tag) => {
      const remove = h("button", { type: "button", class: "tag", title: `Remove ${tag}` }, bdi(tag), " ×");
      remove.addEventListener("click", () => void act(remove, () => api("POST", `${path}/tags`, { remove: [tag] })));
      return remove;
    }));
  const input = h("input", { placeholder: "Add tag", "aria-label": "New tag", maxlength: "32", hidden: true });
  const add = h("button", { type: "button", title: "Add a tag" }, "+");
  add.addEventListener("click", () => {
    if (input.hidden) {
      input.hidden = false;
      add.textContent = "Save";
      input.focus();
    } else if (input.value.trim()) {
      void act(add, async () => {
        await api("POST", `${path}/tags`, { add: [input.value.trim()] });
        input.value = "";
        input.hidden = true;
      });
    }
  });
  input.addEventListener("keydown", (e) => e.key === "Enter" && add.click());
  const bar = h("div", { class: "tag-bar" }, list, input, add);
  if (!togglable) {
    return bar;
  }
  const toggle = h("button", { type: "button", class: "link", "aria-expanded": String(ticketTagsShown) }, "Tags");
  bar.hidden = !ticketTagsShown;
  toggle.addEventListener("click", () => {
    ticketTagsShown = bar.hidden;
    bar.hidden = !ticketTagsShown;
    toggle.setAttribute("aria-expanded", String(ticketTagsShown));
  });
  return h("div", {}, toggle, bar);
}

function composerFor(ctx: DetailContext, c: Conversation, path: string, error: HTMLElement): HTMLElement {
  const text = h("textarea", { rows: "2", maxlength: "4000", placeholder: "Type a reply — Enter sends, Shift+Enter for a new line, /name for a shortcut" });
  const whisper = h("input", { type: "checkbox", "aria-label": "Whisper (agents only)" });
  const send = h("button", { type: "submit" }, "Send");
  const form = h("form", { class: "composer" }, text, h("label", { class: "whisper-toggle" }, whisper, " Whisper"), send);
  const closed = c.view.status === "Closed" || c.view.bin !== "Inbox";
  let sendStatus: HTMLSelectElement | null = null;
  if (c.kind === "ticket") {
    sendStatus = h("select", { "aria-label": "Send and set status" },
      option("", "Send"), option("Open", "Send & mark open"), option("Pending", "Send & mark pending"), option("Closed", "Send & mark closed"));
    form.append(sendStatus);
  }
  whisper.addEventListener("change", () => form.classList.toggle("whispering", whisper.checked));

  const submit = () =>
    busy(send, error, async () => {
      const body = await expandShortcut(ctx, text.value.trim());
      if (!body) {
        return;
      }
      const commandId = crypto.randomUUID();
      if (whisper.checked) {
        await api("POST", `${path}/whispers`, { commandId, text: body });
      } else if (c.kind === "chat") {
        await ctx.sendChatMessage(c.view.id, body);
      } else {
        const status = sendStatus?.value || null;
        if (status === "Closed" && !confirmIrreversible("Send and close this ticket?")) {
          return;
        }
        await api("POST", `${path}/replies`, { commandId, text: body, status });
      }
      text.value = "";
      ctx.changed(await loadConversation(ctx, c.kind, c.view.id));
    });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void submit();
  });
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  });
  if (closed && !whisper.checked && c.kind === "chat") {
    text.placeholder = "This chat is closed; whispers still reach the team.";
  }
  return form;
}

/** "/name" alone expands to the shortcut's message (KB-3); anything else is sent as typed. */
async function expandShortcut(ctx: DetailContext, text: string): Promise<string> {
  const match = /^\/([a-z0-9][a-z0-9_-]{0,31})$/.exec(text);
  if (!match) {
    return text;
  }
  const shortcut = await api<{ message: string }>("GET", `${propertyPath(ctx.propertyId)}/shortcuts/${match[1]}`);
  return shortcut.message;
}
