// The visitor hub's wire shapes (see Grains.Interfaces/Realtime and Common) and the message markup of the widget.

export interface ConversationMessage {
  sequence: number;
  commandId: string;
  authorKind: "Visitor" | "Agent" | "System";
  authorId: string;
  authorName: string;
  text: string;
  isInternal: boolean;
  at: string;
  attachments?: Attachment[] | null;
}

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

interface EventBase {
  propertyId: string;
  conversationId: string;
  version: number;
  at: string;
}

export interface ChatStarted extends EventBase {
  type: "chatStarted";
  visitorId: string;
  visitorName: string;
}

export interface MessagePosted extends EventBase {
  type: "messagePosted";
  message: ConversationMessage;
}

export type ConversationEvent = ChatStarted | MessagePosted;

export interface MessageAck {
  conversationId: string;
  sequence: number;
  version: number;
  at: string;
}

/** The text as the server stores it (Messages/MessageText.cs): line ends as \n, no control characters but newline and tab, trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "").trim();
}

/** "name · time": the name isolated (<bdi>) so a right-to-left override in it cannot reverse the time. */
export function authorLine(name: string, at: string | null): HTMLElement {
  const author = document.createElement("span");
  author.className = "author";
  const who = document.createElement("bdi");
  who.textContent = name;
  author.append(who);
  if (at) {
    const time = document.createElement("time");
    time.dateTime = at;
    time.textContent = new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    author.append(" · ", time);
  }
  return author;
}

/** A message's text in an element of its own direction (dir=auto), isolated from what follows. */
export function messageText(text: string): HTMLElement {
  const element = document.createElement("span");
  element.className = "text";
  element.dir = "auto";
  element.textContent = text;
  return element;
}

/** The hub's error text without SignalR's prefix. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^.*HubException: /, "");
}
