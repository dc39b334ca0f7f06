import { useEffect, useRef } from "preact/hooks";
import type { ConversationMessage } from "../api/types";
import { propertyId } from "../store/session";
import { seen, typing } from "../store/live";
import { sendSeen } from "../actions/realtime";
import { Avatar } from "../ui/Avatar";

/** The messages, visitor on the left and agents on the right, whispers marked; names isolated from the times beside them. */
export function Transcript({ conversationId, kind, messages, visitorName }: { conversationId: string; kind: "chat" | "ticket"; messages: ConversationMessage[]; visitorName: string }) {
  const list = useRef<HTMLOListElement>(null);
  const last = messages[messages.length - 1]?.sequence;
  useEffect(() => {
    if (list.current) {
      list.current.scrollTop = list.current.scrollHeight;
    }
  }, [last, conversationId]);
  // The visitor's widget shows "Seen" once the chat is on an agent's screen with their latest message.
  const latestFromVisitor = messages.reduce((latest, m) => (m.authorKind === "Visitor" ? m.sequence : latest), 0);
  useEffect(() => {
    if (kind !== "chat" || !latestFromVisitor) {
      return;
    }
    const mark = () => sendSeen(conversationId, latestFromVisitor);
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [kind, conversationId, latestFromVisitor]);
  const typist = typing.value[conversationId];
  const seenUpTo = seen.value[conversationId] ?? 0;
  return (
    <div class="transcript">
      <ol class="messages" data-testid="messages" ref={list} aria-label="Messages">
        {messages.map((m) => {
          const side = m.authorKind === "Visitor" ? "visitor" : m.authorKind === "System" ? "system" : "agent";
          return (
            <li key={m.sequence} data-sequence={m.sequence} class={`${side}${m.isInternal ? " internal" : ""}`}>
              {side === "visitor" && <Avatar name={m.authorName} size={28} />}
              <div class="bubble">
                <span class="author">
                  <bdi>{m.authorName}</bdi>
                  {m.isInternal && <span class="whisper-mark"> · whisper</span>}
                  {" · "}
                  <time dateTime={m.at} title={new Date(m.at).toLocaleString()}>{new Date(m.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</time>
                </span>
                <span class="text" dir="auto">{m.text}</span>
                {m.attachments && m.attachments.length > 0 && <Attachments kind={kind} conversationId={conversationId} files={m.attachments} />}
                {kind === "chat" && side === "agent" && !m.isInternal && (
                  <span class="receipt" data-testid="receipt">{m.sequence <= seenUpTo ? "✓✓ Seen" : "✓ Delivered"}</span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <p class="typing-indicator" data-testid="visitor-typing" aria-live="polite" hidden={!typist}>
        {typist && <><bdi>{typist.name || visitorName}</bdi> is typing…</>}
      </p>
    </div>
  );
}

type Attachment = NonNullable<ConversationMessage["attachments"]>[number];

/** Pictures a browser draws safely; anything else (SVG included) is offered as a download only. */
const previewable = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A message's files (inbound email attachments, uploads): name, size, a download link, and a preview of pictures. */
function Attachments({ kind, conversationId, files }: { kind: "chat" | "ticket"; conversationId: string; files: Attachment[] }) {
  const url = (file: Attachment) =>
    `/api/v1/properties/${encodeURIComponent(propertyId.value)}/${kind}s/${conversationId}/attachments/${encodeURIComponent(file.id)}`;
  return (
    <ul class="attachments" aria-label="Attachments" data-testid="attachments">
      {files.map((file) => (
        <li>
          {previewable.has(file.contentType) && <img src={url(file)} alt={file.name} loading="lazy" />}
          <a href={url(file)} download={file.name}><bdi>{file.name}</bdi></a> <span class="muted">{sizeText(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}
