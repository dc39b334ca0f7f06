import { api, ok } from "../api/client";
import type { ChatView, ConversationKind } from "../api/types";
import { fetchMessages, openConversation, showPane } from "../actions/conversation";
import { propertyId } from "../store/session";
import { askValue, askValueAndChoice, confirmAction } from "../ui/Dialog";
import { act } from "./act";

const chatParams = (chatId: string) => ({ path: { propertyId: propertyId.value, chatId, conversationId: chatId } });

/** The email on the visitor's profile (VIS-1), which the server takes when the chat has none. */
async function profileEmail(visitorId: string): Promise<string | null> {
  const { data } = await api.GET("/api/v1/properties/{propertyId}/visitors/{visitorId}", { params: { path: { propertyId: propertyId.value, visitorId } } });
  return data?.about.email ?? null;
}

/**
 * Convert to Ticket (CHAT-3) and the options menu's Create Ticket (CHAT-4): asks for the email only when neither the chat
 * (the pre-chat form's email) nor the visitor's profile has one.
 */
export async function convertToTicket(chat: Pick<ChatView, "id" | "visitorEmail" | "visitorId">): Promise<void> {
  const known = chat.visitorEmail ?? (await profileEmail(chat.visitorId));
  const email = known ? "" : (await askValue("Convert to a ticket", {
    message: "Replies to a ticket go out by email. What is the visitor's email address?",
    confirm: "Create ticket",
    input: { label: "Visitor email", type: "email", placeholder: "name@example.com" },
  }));
  if (email === null) {
    return;
  }
  // Not a reload of the chat: the pane moves on to the new ticket.
  await act("convert", async () => {
    const ticket = await ok(api.POST("/api/v1/properties/{propertyId}/chats/{chatId}/ticket", { params: chatParams(chat.id), body: { visitorEmail: email || null, subject: null } }));
    await openConversation("ticket", ticket.id);
  }, false);
}

/** CHAT-2: closing is irreversible, so it is asked first. */
export async function closeConversation(kind: ConversationKind, id: string): Promise<void> {
  const sure = await confirmAction(`Close this ${kind}?`, {
    message: kind === "chat" ? "A closed chat cannot be reopened; a visitor who writes again starts a new one." : "A closed ticket cannot be reopened.",
    confirm: `Close ${kind}`,
    danger: true,
  });
  if (!sure) {
    return;
  }
  const params = { path: { propertyId: propertyId.value, chatId: id, ticketId: id } };
  await act("status", () => (kind === "chat"
    ? ok(api.POST("/api/v1/properties/{propertyId}/chats/{chatId}/close", { params }))
    : ok(api.POST("/api/v1/properties/{propertyId}/tickets/{ticketId}/status", { params, body: { status: "Closed" } }))));
}

/** The transcript as plain text without whispers: what may leave the team (TIC-4). Names and texts stay isolated. */
async function transcriptText(kind: ConversationKind, id: string): Promise<string> {
  const messages = await fetchMessages(kind, id);
  return messages
    .filter((m) => !m.isInternal)
    .map((m) => `[${new Date(m.at).toLocaleString()}] \u2068${m.authorName}\u2069: \u2068${m.text}\u2069`)
    .join("\n");
}

export const copyTranscript = (chat: ChatView) =>
  act("copy", async () => navigator.clipboard.writeText(await transcriptText("chat", chat.id)), false);

export const printTranscript = (chat: ChatView) =>
  act("print", async () => {
    const text = await transcriptText("chat", chat.id);
    const page = window.open("", "_blank");
    if (page) {
      page.document.title = `Chat with \u2068${chat.visitorName}\u2069`;
      const heading = page.document.createElement("h1");
      const name = page.document.createElement("bdi");
      name.textContent = chat.visitorName;
      heading.append("Chat with ", name);
      const body = page.document.createElement("pre");
      body.textContent = text;
      page.document.body.append(heading, body);
      page.print();
    }
  }, false);

/** The visitor's last known address, which a ban may also cover (CHAT-4). */
async function lastIp(visitorId: string): Promise<string | null> {
  const { data } = await api.GET("/api/v1/properties/{propertyId}/visitors/{visitorId}", { params: { path: { propertyId: propertyId.value, visitorId } } });
  return data?.lastIp ?? null;
}

/**
 * Ban visitor (CHAT-4): a reason and, when their address is known, whether to ban it too; then the visitor cannot start chats.
 * With <paramref name="spam"/> the chat also goes to Spam in the same step (BIN-3: marking spam can also ban the sender).
 */
export async function banVisitor(chat: ChatView, spam = false): Promise<void> {
  const ip = await lastIp(chat.visitorId).catch(() => null);
  const answer = await askValueAndChoice(spam ? "Mark as spam and ban this visitor?" : "Ban this visitor?", {
    message: `${spam ? "The chat moves to Spam. " : ""}They will not be able to start chats on this property. You can unban them under Settings → Bans.`,
    confirm: spam ? "Mark spam and ban" : "Ban visitor",
    danger: true,
    input: { label: "Reason", optional: true, placeholder: "spam links" },
    check: ip ? { label: `Also ban their IP address (${ip})` } : undefined,
  });
  if (answer === null) {
    return;
  }
  const banned = await act("ban", () => ok(api.POST("/api/v1/properties/{propertyId}/bans", {
    params: { path: { propertyId: propertyId.value } },
    body: { visitorId: chat.visitorId, ip: answer.checked ? ip : null, reason: answer.value || null },
  })), !spam);
  if (banned && spam) {
    await moveTo("chat", chat.id, "spam");
  }
}

/** Trash, spam, restore and purge (BIN-1..3); purge asks first. */
export async function moveTo(kind: ConversationKind, id: string, action: "trash" | "spam" | "restore" | "purge"): Promise<void> {
  if (action === "purge" && !(await confirmAction(`Permanently delete this ${kind}?`, {
    message: "It and all its messages are removed for good. This cannot be undone.",
    confirm: "Delete permanently",
    danger: true,
  }))) {
    return;
  }
  const params = { path: { propertyId: propertyId.value, conversationId: id } };
  const call = () => {
    if (kind === "chat") {
      switch (action) {
        case "trash": return ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/trash", { params }));
        case "spam": return ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/spam", { params }));
        case "restore": return ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/restore", { params }));
        case "purge": return ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/purge", { params }));
      }
    }
    switch (action) {
      case "trash": return ok(api.POST("/api/v1/properties/{propertyId}/tickets/{conversationId}/trash", { params }));
      case "spam": return ok(api.POST("/api/v1/properties/{propertyId}/tickets/{conversationId}/spam", { params }));
      case "restore": return ok(api.POST("/api/v1/properties/{propertyId}/tickets/{conversationId}/restore", { params }));
      case "purge": return ok(api.POST("/api/v1/properties/{propertyId}/tickets/{conversationId}/purge", { params }));
    }
  };
  if ((await act(action, call, action !== "purge")) && action === "purge") {
    showPane({ type: "none" });
  }
}
