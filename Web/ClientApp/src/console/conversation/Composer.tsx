import { useEffect, useRef, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { Conversation, ConversationMessage, MessageAttachment } from "../api/types";
import { uploadAttachment } from "../actions/upload";
import { openConversation } from "../actions/conversation";
import { sendChatMessage, sendTyping } from "../actions/realtime";
import { me, propertyId } from "../store/session";
import { messages } from "../store/selection";
import { replying } from "../store/watchers";
import { Button } from "../ui/Button";
import { Icon } from "../ui/Icon";
import { confirmAction, confirmOrBack } from "../ui/Dialog";
import { Menu } from "../ui/Menu";
import { act, actionError, running } from "./act";
import { convertToTicket } from "./chatActions";

type SendStatus = "Open" | "Pending" | "Closed" | null;

/** A file chosen for the next reply: uploading (progress 0–1), uploaded (attachment), or refused (error). */
interface ChosenFile {
  key: string;
  name: string;
  progress: number;
  attachment?: MessageAttachment;
  error?: string;
}

/** Where the transcript stood when the agent began writing (COL-1): its newest message. */
interface Baseline {
  sequence: number;
  at: number;
}

const newest = (): Baseline => {
  const last = messages.value[messages.value.length - 1];
  return last ? { sequence: last.sequence, at: Date.parse(last.at) } : { sequence: 0, at: 0 };
};

/** COL-1 send-time guard: visitor messages and other agents' replies that arrived after the agent began writing. */
async function arrivedSince(c: Conversation, since: Baseline): Promise<ConversationMessage[]> {
  const params = { path: { propertyId: propertyId.value, chatId: c.view.id, ticketId: c.view.id }, query: { after: since.sequence, limit: 100 } };
  const later = c.kind === "chat"
    ? await ok(api.GET("/api/v1/properties/{propertyId}/chats/{chatId}/messages", { params }))
    : await ok(api.GET("/api/v1/properties/{propertyId}/tickets/{ticketId}/messages", { params }));
  // Times, not only sequences: a merge renumbers a transcript, and its older messages are not news (MRG-1).
  return later.filter((m) => !m.isInternal && Date.parse(m.at) > since.at
    && (m.authorKind === "Visitor" || (m.authorKind === "Agent" && m.authorId !== me.value?.id)));
}

/** "/name" alone expands to the shortcut's message (KB-3); anything else is sent as typed. */
async function expandShortcut(text: string): Promise<string> {
  const match = /^\/([a-z0-9][a-z0-9_-]{0,31})$/.exec(text);
  if (!match) {
    return text;
  }
  const shortcut = await ok(api.GET("/api/v1/properties/{propertyId}/shortcuts/{name}", { params: { path: { propertyId: propertyId.value, name: match[1] } } }));
  return shortcut.message;
}

/** Puts text into the reply box of the open conversation (knowledge base and shortcut tabs). */
export function insertIntoReply(text: string): void {
  const reply = document.querySelector<HTMLTextAreaElement>("#detail .composer textarea");
  if (reply) {
    reply.value = reply.value ? `${reply.value}\n${text}` : text;
    reply.dispatchEvent(new Event("input", { bubbles: true }));
    reply.focus();
  }
}

/**
 * The reply box: Enter sends, Shift+Enter breaks the line, "/name" expands a shortcut; Whisper sends to agents only
 * (TIC-4); a ticket's reply can also set its status (TIC-3). Typing in a chat tells the visitor (CHAT-1).
 */
export function Composer({ c }: { c: Conversation }) {
  const [whisper, setWhisper] = useState(false);
  const text = useRef<HTMLTextAreaElement>(null);
  const closed = c.view.status === "Closed" || c.view.bin !== "Inbox";
  const chat = c.kind === "chat";
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const picker = useRef<HTMLInputElement>(null);
  const uploading = files.some((f) => !f.attachment && !f.error);
  const baseline = useRef<Baseline | null>(null);
  useEffect(() => () => void (replying.value = false), []);

  /** COL-1: the agent began (or stopped) writing a reply: others see it, and the guard remembers where the transcript stood. */
  const writing = (value: string) => {
    const now = value.trim() !== "" && !whisper;
    if (now && !baseline.current) {
      baseline.current = newest();
    } else if (!value.trim()) {
      baseline.current = null;
    }
    replying.value = now;
  };

  const change = (key: string, update: Partial<ChosenFile>) => setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...update } : f)));
  const choose = (chosen: FileList | null) => {
    for (const file of Array.from(chosen ?? [])) {
      const key = crypto.randomUUID();
      setFiles((all) => [...all, { key, name: file.name, progress: 0 }]);
      uploadAttachment(c.kind, c.view.id, file, (progress) => change(key, { progress })).then(
        (attachment) => change(key, { attachment, progress: 1 }),
        (error: unknown) => change(key, { error: errorMessage(error) }),
      );
    }
    if (picker.current) {
      picker.current.value = "";
    }
  };

  const send = async (status: SendStatus = null) => {
    const typed = text.current?.value.trim() ?? "";
    const attachmentIds = files.flatMap((f) => (f.attachment ? [f.attachment.id] : []));
    if (uploading) {
      actionError.value = "Wait until the files are uploaded, or remove them.";
      return;
    }
    if (!typed && attachmentIds.length === 0) {
      return;
    }
    if (whisper && attachmentIds.length > 0) {
      actionError.value = "Whispers carry no files: remove them or turn Whisper off.";
      return;
    }
    if (!whisper && baseline.current) {
      const arrived = await arrivedSince(c, baseline.current).catch(() => []);
      if (arrived.length > 0) {
        const goAhead = await confirmOrBack("New messages arrived while you were writing", {
          message: (
            <>
              <ul class="arrived" data-testid="arrived-messages">
                {arrived.map((m) => <li><strong><bdi>{m.authorName}</bdi>:</strong> <span dir="auto">{m.text}</span></li>)}
              </ul>
              Send your reply anyway, or edit it first?
            </>
          ),
          confirm: "Send anyway",
          cancel: "Edit",
        });
        baseline.current = { sequence: arrived[arrived.length - 1].sequence, at: Math.max(...arrived.map((m) => Date.parse(m.at))) };
        if (!goAhead) {
          text.current?.focus();
          return;
        }
      }
    }
    if (status === "Closed" && !whisper && !(await confirmAction("Send and close this ticket?", { message: "A closed ticket cannot be reopened.", confirm: "Send and close", danger: true }))) {
      return;
    }
    await act("send", async () => {
      const body = typed ? await expandShortcut(typed) : "";
      const commandId = crypto.randomUUID();
      const params = { path: { propertyId: propertyId.value, conversationId: c.view.id, ticketId: c.view.id } };
      if (whisper) {
        await (chat
          ? ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/whispers", { params, body: { commandId, text: body } }))
          : ok(api.POST("/api/v1/properties/{propertyId}/tickets/{conversationId}/whispers", { params, body: { commandId, text: body } })));
      } else if (chat && attachmentIds.length > 0) {
        sendTyping(c.view.id, false);
        await ok(api.POST("/api/v1/properties/{propertyId}/chats/{chatId}/messages", { params: { path: { propertyId: propertyId.value, chatId: c.view.id } }, body: { commandId, text: body, attachmentIds } }));
      } else if (chat) {
        sendTyping(c.view.id, false);
        await sendChatMessage(c.view.id, body);
      } else {
        await ok(api.POST("/api/v1/properties/{propertyId}/tickets/{ticketId}/replies", { params, body: { commandId, text: body, status, attachmentIds } }));
      }
      if (text.current) {
        text.current.value = "";
      }
      writing("");
      setFiles([]);
    });
  };

  const placeholder = closed && chat && !whisper ? "This chat is closed; whispers still reach the team." : "Type a reply… (/ for shortcuts)";
  return (
    <form class={`composer${whisper ? " whispering" : ""}`} aria-label="Reply" onSubmit={(e) => {
      e.preventDefault();
      void send();
    }}>
      <textarea
        ref={text}
        rows={3}
        maxLength={4000}
        aria-label={whisper ? "Whisper to the team" : "Reply"}
        placeholder={placeholder}
        onInput={(e) => {
          writing(e.currentTarget.value);
          if (chat && !whisper && e.currentTarget.value.trim()) {
            sendTyping(c.view.id, true);
          }
        }}
        onBlur={() => chat && sendTyping(c.view.id, false)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      {files.length > 0 && (
        <ul class="chosen-files" aria-label="Files to send" data-testid="chosen-files">
          {files.map((f) => (
            <li class={`chip ${f.error ? "chip-danger" : "chip-neutral"}`} key={f.key}>
              <bdi class="file-name">{f.name}</bdi>
              {!f.attachment && !f.error && (
                <progress max={1} value={f.progress} aria-label={`Uploading ${f.name}`} />
              )}
              {f.error && <span role="alert">{f.error}</span>}
              <button type="button" class="chip-remove" aria-label={`Remove ${f.name}`} onClick={() => setFiles((all) => all.filter((x) => x.key !== f.key))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div class="composer-bar">
        <input ref={picker} type="file" multiple hidden data-testid="attach-input" onChange={(e) => choose(e.currentTarget.files)} />
        <Button size="sm" title="Attach files (pictures, PDF, text, Office documents)" disabled={whisper} onClick={() => picker.current?.click()}>
          <Icon name="paperclip" /> Attach
        </Button>
        <label class="whisper-toggle">
          <input type="checkbox" checked={whisper} aria-label="Whisper (agents only)" onChange={(e) => setWhisper(e.currentTarget.checked)} /> Whisper
        </label>
        <span class="muted hint">Enter sends · Shift+Enter new line</span>
        <span class="spacer" />
        {chat && !c.view.ticketId && c.view.bin === "Inbox" && (
          <Button size="sm" onClick={() => void convertToTicket(c.view as Conversation["view"] & { visitorEmail: string | null; visitorId: string })}>Convert to Ticket</Button>
        )}
        {chat && c.view.ticketId && (
          <span class="muted linked-ticket">
            Converted · <button type="button" class="link" onClick={() => void openConversation("ticket", c.view.ticketId!)}>Open ticket</button>
          </span>
        )}
        <span class="split-button">
          <Button type="submit" variant="primary" busy={running.value === "send"} disabled={uploading}>Send</Button>
          {!chat && (
            <Menu
              label="Send and set status"
              align="end"
              class="split-menu"
              button={<span aria-hidden="true">▾</span>}
              items={(["Open", "Pending", "Closed"] as const).map((s) => ({ label: `Send & mark ${s.toLowerCase()}`, onSelect: () => void send(s), danger: s === "Closed" }))}
            />
          )}
        </span>
      </div>
    </form>
  );
}
