// The embeddable chat widget: <script async src="https://…/widget.js" data-property="…"></script>.
// One self-contained script (SignalR bundled); its markup lives in a shadow root.
import { type HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { type Attachment, authorLine, cleanText, type ConversationEvent, type ConversationMessage, errorText, type MessageAck, messageText } from "./events";
import { h } from "./dom";
import { widgetCss } from "./styles";

interface Pending {
  commandId: string;
  text: string;
  /** Files uploaded to the chat before, sent with the text. */
  files?: Attachment[];
}

/** A file chosen for the next message: its chip, uploading until `done` says what came of it (null when refused or removed). */
interface Upload {
  chip: HTMLLIElement;
  request: XMLHttpRequest;
  done: Attachment | null | undefined;
}

interface TypingNotice {
  conversationId: string;
  authorKind: "Visitor" | "Agent" | "System";
  authorName: string | null;
  isTyping: boolean;
}

const script = document.currentScript as HTMLScriptElement | null;
const propertyId = script?.dataset.property ?? "";
const origin = script?.src ? new URL(script.src, location.href).origin : location.origin;
const key = (name: string) => `conversations.${propertyId}.${name}`;
const typingInterval = 3000;

/** An inline icon (no emoji: a system may lack the font), filled or stroked in the text colour. */
function icon(d: string, stroked = false): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", d);
  path.setAttribute(stroked ? "stroke" : "fill", "currentColor");
  if (stroked) {
    path.setAttribute("fill", "none");
    path.setAttribute("stroke-width", "2");
  }
  svg.append(path);
  return svg;
}

const chatIcon = () => icon("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");

class Widget {
  private token = "";
  private chatId = localStorage.getItem(key("chat"));
  /** The chat's name for the visitor, which the server puts on the visitor's messages. */
  private visitorName = "Visitor";
  private outbox: Pending[] = JSON.parse(localStorage.getItem(key("outbox")) ?? "[]");
  private readonly rendered = new Set<number>();
  private contiguous = 0;
  private lastTypingSent = 0;
  private lastSeenSent = 0;
  private latestFromAgents = 0;
  private typingTimer = 0;
  /** How far an agent has seen the chat (CHAT-1): the visitor's latest message up to it shows "Seen". */
  private seenByAgents = 0;
  private uploads: Upload[] = [];
  private readonly connection: HubConnection;

  private readonly bubble = h("button", { class: "bubble", type: "button", "aria-label": "Open chat", "aria-expanded": "false" }, chatIcon());
  private readonly closeButton = h("button", { type: "button", "aria-label": "Close chat" }, "×");
  private readonly panel = h("section", { class: "panel", "aria-label": "Chat with us", hidden: "" });
  private readonly name = h("input", { placeholder: "Your name (optional)", maxlength: "100", autocomplete: "name" });
  private readonly email = h("input", { placeholder: "Your email (optional)", maxlength: "254", type: "email", autocomplete: "email" });
  // Shown once the session is open (connect()), so "Start chat" never runs before the hub is connected.
  private readonly startForm = h("form", { hidden: "" }, this.name, this.email, h("button", { class: "primary", type: "submit" }, "Start chat"));
  private readonly offlineName = h("input", { placeholder: "Your name", maxlength: "100" });
  private readonly offlineEmail = h("input", { placeholder: "Your email", maxlength: "254", type: "email", required: "" });
  private readonly offlineText = h("textarea", { placeholder: "Your message", rows: "4", maxlength: "4000", required: "" });
  private readonly offlineForm = h("form", { hidden: "", "data-testid": "offline-form" },
    h("p", { class: "intro" }, "We are offline right now. Leave a message and we will get back to you."),
    this.offlineName, this.offlineEmail, this.offlineText, h("button", { class: "primary", type: "submit" }, "Send message"));
  private readonly messages = h("ol", { "data-testid": "visitor-messages", "aria-live": "polite" });
  private readonly typing = h("p", { class: "note", "data-testid": "agent-typing", hidden: "" }, "Agent is typing…");
  // RTE-1: while every agent is busy the chat waits in a queue; its place moves live.
  private readonly queue = h("p", { class: "note", role: "status", "data-testid": "queue-place", hidden: "" });
  private readonly text = h("textarea", { placeholder: "Type a message", rows: "2", maxlength: "4000" });
  private readonly file = h("input", { type: "file", multiple: true, hidden: "", "data-testid": "widget-file" });
  private readonly chips = h("ul", { class: "chips", "aria-label": "Files to send", hidden: "", "data-testid": "widget-chips" });
  private readonly attach = h("button", { type: "button", class: "attach", "aria-label": "Attach a file", title: "Attach a file" },
    icon("M20 11l-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7", true));
  private readonly composer = h("form", { class: "composer", hidden: "" }, this.attach, this.file, this.text, h("button", { class: "primary", type: "submit" }, "Send"));
  private readonly status = h("p", { class: "note", role: "status", "data-testid": "widget-status" });
  private readonly ratingComment = h("textarea", { placeholder: "Anything to add? (optional)", rows: "2", maxlength: "1000" });
  private readonly rating = h("form", { class: "rating", hidden: "", "data-testid": "rating-form" },
    h("p", {}, "This chat has ended. How did we do?"),
    h("button", { type: "submit", value: "Good", "aria-label": "Good" }, "👍"),
    h("button", { type: "submit", value: "Bad", "aria-label": "Bad" }, "👎"),
    this.ratingComment);
  // CHAT-2: after a close the visitor starts a new chat (the server links it in their history).
  private readonly newChat = h("button", { class: "primary", type: "button", hidden: "" }, "Start a new chat");

  constructor(host: HTMLElement) {
    const root = host.attachShadow({ mode: "open" });
    root.append(h("style", {}, widgetCss), this.bubble, this.panel);
    this.panel.append(h("header", {}, "Chat with us", this.closeButton), this.startForm, this.offlineForm, this.messages, this.queue, this.typing, this.chips, this.composer, this.rating, this.newChat, this.status);
    this.rating.addEventListener("submit", (e) => void this.onRate(e));
    this.newChat.addEventListener("click", () => void this.onNewChat());
    this.bubble.addEventListener("click", () => this.toggle(this.panel.hidden));
    this.closeButton.addEventListener("click", () => this.toggle(false));
    this.startForm.addEventListener("submit", (e) => void this.onStart(e));
    this.offlineForm.addEventListener("submit", (e) => void this.onOffline(e));
    this.composer.addEventListener("submit", (e) => {
      e.preventDefault();
      this.send();
    });
    this.text.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        this.send();
      }
    });
    this.text.addEventListener("input", () => this.notifyTyping());
    this.attach.addEventListener("click", () => this.file.click());
    this.file.addEventListener("change", () => this.choose());
    document.addEventListener("visibilitychange", () => this.markSeen());
    this.toggle(sessionStorage.getItem(key("open")) === "1");

    this.connection = new HubConnectionBuilder()
      .withUrl(`${origin}/hubs/visitor`, { withCredentials: false })
      // Never gives up: a visitor may be offline for a while; unsent messages wait in the outbox.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(500 * 2 ** c.previousRetryCount, 5000) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on("conversationEvent", (event: ConversationEvent) => this.onEvent(event));
    this.connection.on("typing", (notice: TypingNotice) => this.onTyping(notice));
    this.connection.on("seen", (notice: { conversationId: string; sequence: number }) => this.onSeen(notice));
    this.connection.on("queuePlace", (chatId: string, place: number) => chatId === this.chatId && this.showQueuePlace(place));
    // The web node's feed was interrupted (a silo was lost) and messages may be missing: read the transcript again.
    this.connection.on("resync", () => void this.catchUp().catch(() => undefined));
    this.connection.onreconnecting(() => this.note("Reconnecting…"));
    this.connection.onreconnected(() => void this.resume().catch((error) => this.note(errorText(error))));
  }

  async boot(): Promise<void> {
    this.note("Connecting…");
    try {
      await this.connect();
    } catch (error) {
      this.showOffline(error);
      return;
    }
    this.trackPageViews();
    try {
      await this.resume();
    } catch (error) {
      // The stored chat cannot be resumed (another visitor's, or refused): offer a new one.
      this.chatId = null;
      localStorage.removeItem(key("chat"));
      this.startForm.hidden = false;
      this.note(errorText(error));
    }
  }

  private async connect(): Promise<void> {
    const response = await fetch(`${origin}/api/v1/widget/sessions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ propertyId, visitorToken: localStorage.getItem(key("token")) }),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail ?? `The chat service answered ${response.status}.`);
    }
    const session: { visitorToken: string; agentsOnline: boolean } = await response.json();
    this.token = session.visitorToken;
    localStorage.setItem(key("token"), this.token);
    if (this.connection.state === HubConnectionState.Disconnected) {
      await this.connection.start();
    }
    const offline = !session.agentsOnline && !this.chatId;
    this.offlineForm.hidden = !offline;
    this.startForm.hidden = offline || !!this.chatId;
    this.note(offline ? "No one is here right now. Leave a message and we will answer by email." : "");
  }

  private toggle(open: boolean): void {
    this.panel.hidden = !open;
    this.bubble.setAttribute("aria-expanded", String(open));
    sessionStorage.setItem(key("open"), open ? "1" : "0");
    if (open) {
      (this.composer.hidden ? this.name : this.text).focus();
      this.markSeen();
    }
  }

  private note(text: string): void {
    this.status.textContent = text;
  }

  private showOffline(error: unknown): void {
    this.startForm.hidden = true;
    this.composer.hidden = true;
    this.offlineForm.hidden = false;
    this.note(`Cannot reach the chat service: ${errorText(error)}`);
  }

  private async onStart(e: Event): Promise<void> {
    e.preventDefault();
    try {
      await this.begin(this.name.value, this.email.value);
      this.text.focus();
    } catch (error) {
      this.note(errorText(error));
    }
  }

  // TODO(CHAT-9): the offline message should become a ticket; until tickets exist it is delivered
  // as the first message of a chat as soon as the service can be reached.
  private async onOffline(e: Event): Promise<void> {
    e.preventDefault();
    // The id is kept until the message is accepted, so a retry never creates a second ticket.
    const messageId = localStorage.getItem(key("offline")) ?? crypto.randomUUID();
    localStorage.setItem(key("offline"), messageId);
    try {
      if (!this.token) {
        await this.connect();
      }
      const response = await fetch(`${origin}/api/v1/widget/offline-messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          propertyId, visitorToken: this.token, messageId,
          name: this.offlineName.value.trim() || null, email: this.offlineEmail.value.trim(), message: this.offlineText.value,
        }),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail ?? `The chat service answered ${response.status}.`);
      }
      localStorage.removeItem(key("offline"));
      this.offlineForm.hidden = true;
      this.note(`Thank you! We will reply to ${this.offlineEmail.value.trim()}.`);
      this.offlineText.value = "";
    } catch (error) {
      this.note(`We could not send your message right now; please try again in a moment. (${errorText(error)})`);
    }
  }

  private async begin(name: string, email: string): Promise<void> {
    if (name.trim() || email.trim()) {
      await this.connection.invoke("UpdateContact", propertyId, this.token, name.trim() || null, email.trim() || null);
    }
    // Kept before the composer shows, so a message typed at once (or a reload) belongs to this chat.
    this.chatId = crypto.randomUUID();
    localStorage.setItem(key("chat"), this.chatId);
    try {
      await this.resume();
    } catch (error) {
      this.chatId = null;
      localStorage.removeItem(key("chat"));
      throw error;
    }
  }

  /** Joins the chat, fetches what was missed, then resends unacknowledged messages with their first command ids. */
  private async resume(): Promise<void> {
    if (!this.chatId) {
      return;
    }
    const chat: { status: string; visitorName: string } =
      await this.connection.invoke("StartChat", propertyId, this.token, this.chatId, this.name.value.trim() || null);
    this.visitorName = chat.visitorName;
    this.startForm.hidden = true;
    this.offlineForm.hidden = true;
    this.showClosed(chat.status === "Closed");
    this.note("");
    await this.catchUp();
    this.showQueuePlace(chat.status === "Closed" ? 0 : await this.connection.invoke<number>("GetQueuePlace", propertyId, this.token, this.chatId).catch(() => 0));
    for (const pending of [...this.outbox]) {
      this.renderPending(pending);
      await this.deliver(pending);
    }
  }

  private async catchUp(): Promise<void> {
    const chatId = this.chatId;
    const history: ConversationMessage[] = await this.connection.invoke("GetMessages", propertyId, this.token, chatId, this.contiguous);
    if (chatId === this.chatId) {
      history.forEach((m) => this.render(m));
    }
  }

  private showQueuePlace(place: number): void {
    this.queue.textContent = place === 1 ? "You are next in line; an agent will be with you shortly." : place > 1 ? `All our agents are busy. You are number ${place} in line.` : "";
    this.queue.hidden = place < 1;
  }

  private showClosed(closed: boolean): void {
    if (closed) {
      this.showQueuePlace(0);
    }
    this.composer.hidden = closed;
    this.rating.hidden = !closed;
    this.newChat.hidden = !closed;
  }

  /** CHAT-2: a closed chat stays closed; the visitor's next words go to a new chat of their own. */
  private async onNewChat(): Promise<void> {
    this.chatId = null;
    localStorage.removeItem(key("chat"));
    this.outbox = [];
    this.saveOutbox();
    this.rendered.clear();
    this.contiguous = 0;
    this.lastSeenSent = 0;
    this.latestFromAgents = 0;
    this.seenByAgents = 0;
    this.clearUploads();
    this.messages.replaceChildren();
    this.rating.hidden = true;
    this.newChat.hidden = true;
    try {
      await this.begin("", "");
      this.text.focus();
    } catch (error) {
      this.newChat.hidden = false;
      this.note(errorText(error));
    }
  }

  private send(): void {
    const body = this.text.value.trim();
    if (this.uploads.some((u) => u.done === undefined)) {
      this.note("Wait until the files are uploaded, or remove them.");
      return;
    }
    const files = this.uploads.flatMap((u) => (u.done ? [u.done] : []));
    if ((!body && !files.length) || !this.chatId) {
      return;
    }
    this.text.value = "";
    this.clearUploads();
    // The message ends this bout of typing: the next keystroke says so again at once.
    this.lastTypingSent = 0;
    const pending: Pending = { commandId: crypto.randomUUID(), text: body, files: files.length ? files : undefined };
    this.outbox.push(pending);
    this.saveOutbox();
    this.renderPending(pending);
    void this.deliver(pending);
  }

  /** Each chosen file uploads at once to the chat as a chip with its progress and a remove button; a refusal (size, type) stays on its chip. */
  private choose(): void {
    const chatId = this.chatId;
    for (const chosen of Array.from(this.file.files ?? [])) {
      if (!chatId) {
        break;
      }
      const progress = h("progress", { max: "1", value: "0", "aria-label": `Uploading ${chosen.name}` });
      const remove = h("button", { type: "button", "aria-label": `Remove ${chosen.name}` }, "×");
      const upload: Upload = { chip: h("li", {}, h("bdi", {}, chosen.name), progress, remove), request: new XMLHttpRequest(), done: undefined };
      const settle = (done: Attachment | null, error?: string) => {
        upload.done = done;
        progress.remove();
        if (error) {
          upload.chip.className = "refused";
          remove.before(h("span", { role: "alert" }, error));
        }
      };
      remove.addEventListener("click", () => {
        upload.request.abort();
        this.uploads = this.uploads.filter((u) => u !== upload);
        this.showChips();
      });
      const request = upload.request;
      request.open("POST", this.fileUrl(chatId, ""));
      request.responseType = "json";
      request.upload.onprogress = (e) => e.lengthComputable && (progress.value = e.loaded / e.total);
      request.onload = () => request.status < 300
        ? settle(request.response)
        : settle(null, request.response?.detail ?? `The file could not be sent (${request.status}).`);
      request.onerror = () => settle(null, "The chat service cannot be reached.");
      const form = new FormData();
      form.append("file", chosen, chosen.name);
      request.send(form);
      this.uploads.push(upload);
    }
    this.file.value = "";
    this.showChips();
  }

  private showChips(): void {
    this.chips.replaceChildren(...this.uploads.map((u) => u.chip));
    this.chips.hidden = !this.uploads.length;
  }

  private clearUploads(): void {
    this.uploads.forEach((u) => u.request.abort());
    this.uploads = [];
    this.showChips();
  }

  /** The chat's attachments route, authorised by the visitor token (a picture's src cannot send headers). */
  private fileUrl(chatId: string, id: string): string {
    return `${origin}/api/v1/widget/chats/${chatId}/attachments${id ? `/${id}` : ""}?propertyId=${encodeURIComponent(propertyId)}&visitorToken=${encodeURIComponent(this.token)}`;
  }

  private attachments(files: Attachment[]): HTMLElement {
    return h("span", { class: "files" }, ...files.map((f) => {
      const url = this.fileUrl(this.chatId ?? "", f.id);
      // Pictures a browser draws safely are shown; anything else (SVG included) is a download link.
      const picture = /^image\/(png|jpeg|gif|webp)$/.test(f.contentType) ? h("img", { src: url, alt: f.name }) : null;
      return h("a", { href: url, download: f.name, target: "_blank", rel: "noopener" }, picture, h("bdi", {}, f.name));
    }));
  }

  private async deliver(pending: Pending): Promise<void> {
    if (this.connection.state !== HubConnectionState.Connected) {
      return; // sent again, with the same command id, after the reconnect
    }
    try {
      const chatId = this.chatId;
      const ack: MessageAck = pending.files
        ? await this.connection.invoke("SendMessageWithFiles", propertyId, this.token, chatId, pending.commandId, pending.text, pending.files.map((f) => f.id))
        : await this.connection.invoke("SendMessage", propertyId, this.token, chatId, pending.commandId, pending.text);
      this.forget(pending);
      if (chatId !== this.chatId) {
        return;
      }
      // The ack is enough to show the message (issue 17): its event, when it comes, is dropped by its sequence,
      // and nothing is fetched unless a message before it is still missing.
      this.render({
        sequence: ack.sequence, commandId: pending.commandId, authorKind: "Visitor", authorId: "", authorName: this.visitorName,
        text: cleanText(pending.text), isInternal: false, at: ack.at, attachments: pending.files,
      });
      if (ack.sequence > this.contiguous) {
        await this.catchUp();
      }
    } catch (error) {
      if (String(error).includes("HubException")) {
        // The server refused it (too many messages, chat closed): sending it again would not help.
        this.forget(pending);
        this.messages.querySelector(`[data-command-id="${pending.commandId}"]`)?.remove();
        this.note(errorText(error));
      }
    }
  }

  private forget(pending: Pending): void {
    this.outbox = this.outbox.filter((p) => p.commandId !== pending.commandId);
    this.saveOutbox();
  }

  private saveOutbox(): void {
    localStorage.setItem(key("outbox"), JSON.stringify(this.outbox));
  }

  private onEvent(event: ConversationEvent | { type: "chatClosed"; conversationId: string }): void {
    if (event.conversationId !== this.chatId) {
      return;
    }
    if (event.type === "chatClosed") {
      this.showClosed(true);
      return;
    }
    if (event.type !== "messagePosted") {
      return;
    }
    this.render(event.message);
    if (event.message.sequence > this.contiguous) {
      void this.catchUp().catch(() => undefined); // a gap: something was missed
    }
  }

  private async onRate(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const value = (e.submitter as HTMLButtonElement | null)?.value ?? "Good";
    try {
      await this.connection.invoke("RateChat", propertyId, this.token, this.chatId, value, this.ratingComment.value.trim() || null);
      this.rating.hidden = true;
      this.note("Thank you for your feedback!");
    } catch (error) {
      this.note(errorText(error));
    }
  }

  private onTyping(notice: TypingNotice): void {
    if (notice.conversationId !== this.chatId || notice.authorKind === "Visitor") {
      return;
    }
    this.typing.replaceChildren(h("bdi", {}, notice.authorName ?? "Agent"), " is typing…");
    this.typing.hidden = !notice.isTyping;
    clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => (this.typing.hidden = true), 6000);
  }

  /** An agent has seen the chat: the visitor's latest message up to that point says "Seen" (one mark, moved as it grows). */
  private onSeen(notice: { conversationId: string; sequence: number }): void {
    if (notice.conversationId !== this.chatId || notice.sequence <= this.seenByAgents) {
      return;
    }
    this.seenByAgents = notice.sequence;
    this.messages.querySelector(".seen")?.remove();
    const mine = [...this.messages.querySelectorAll<HTMLElement>("li.visitor:not(.pending)")].filter((li) => Number(li.dataset.sequence) <= notice.sequence);
    mine.at(-1)?.append(h("span", { class: "seen", "data-testid": "seen-mark" }, "Seen"));
  }

  /** Agents see "Seen" on their messages once the visitor has the chat open in front of them (CHAT-1). */
  private markSeen(): void {
    // Only when an agent's message is new to the visitor: their own messages need no mark.
    if (this.chatId && !this.panel.hidden && document.visibilityState === "visible" && this.latestFromAgents > this.lastSeenSent
      && this.connection?.state === HubConnectionState.Connected) { // also called from the constructor, before the connection exists
      this.lastSeenSent = this.contiguous;
      void this.connection.invoke("MarkSeen", propertyId, this.token, this.chatId, this.contiguous).catch(() => undefined);
    }
  }

  private notifyTyping(): void {
    const now = Date.now();
    if (this.chatId && now - this.lastTypingSent > typingInterval && this.connection.state === HubConnectionState.Connected) {
      this.lastTypingSent = now;
      void this.connection.invoke("Typing", propertyId, this.token, this.chatId, true).catch(() => undefined);
    }
  }

  /** One list item per sequence number, in order; replaces the pending item of the same command. */
  private render(message: ConversationMessage): void {
    this.messages.querySelector(`li.pending[data-command-id="${CSS.escape(message.commandId)}"]`)?.remove();
    if (this.rendered.has(message.sequence)) {
      return;
    }
    this.rendered.add(message.sequence);
    while (this.rendered.has(this.contiguous + 1)) {
      this.contiguous++;
    }
    if (message.authorKind === "Agent") {
      this.typing.hidden = true;
    }
    if (message.authorKind !== "Visitor") {
      this.latestFromAgents = Math.max(this.latestFromAgents, message.sequence);
    }
    const item = this.item(message.authorKind === "Visitor" ? "visitor" : "agent", message.authorName, message.at, message.text);
    if (message.attachments?.length) {
      item.append(this.attachments(message.attachments));
    }
    item.dataset.sequence = String(message.sequence);
    if (message.authorKind === "Visitor") {
      item.dataset.commandId = message.commandId;
    }
    const next = [...this.messages.children].find((c) => Number((c as HTMLElement).dataset.sequence ?? Infinity) > message.sequence);
    this.messages.insertBefore(item, next ?? null);
    this.messages.scrollTop = this.messages.scrollHeight;
    this.markSeen();
  }

  private renderPending(pending: Pending): void {
    // Not when the message is on screen already (stored before a reconnect, found by the catch-up).
    if (!this.messages.querySelector(`[data-command-id="${CSS.escape(pending.commandId)}"]`)) {
      const item = this.item("visitor pending", "Sending…", null, pending.text);
      if (pending.files) {
        item.append(h("span", { class: "files" }, ...pending.files.map((f) => h("bdi", {}, f.name))));
      }
      item.dataset.commandId = pending.commandId;
      this.messages.append(item);
    }
  }

  private item(className: string, author: string, at: string | null, text: string): HTMLLIElement {
    return h("li", { class: className }, authorLine(author, at), messageText(text));
  }

  private trackPageViews(): void {
    const track = () => {
      if (location.href.length <= 2000 && /^https?:/.test(location.href)) {
        void this.connection.invoke("TrackPageView", propertyId, this.token, location.href, document.title.slice(0, 300) || null).catch(() => undefined);
      }
    };
    const pushState = history.pushState.bind(history);
    history.pushState = (...args: Parameters<History["pushState"]>) => {
      pushState(...args);
      track();
    };
    addEventListener("popstate", track);
    track();
  }
}

function mount(): void {
  if (propertyId && !document.querySelector("[data-conversations-widget]")) {
    const host = h("div", { "data-conversations-widget": "" });
    document.body.append(host);
    void new Widget(host).boot();
  }
}

if (document.body) {
  mount();
} else {
  addEventListener("DOMContentLoaded", mount);
}
