import { useEffect, useRef } from "preact/hooks";
import type { ConversationMessage } from "../api/types";
import { typing } from "../store/live";
import { Avatar } from "../ui/Avatar";

/** The messages, visitor on the left and agents on the right, whispers marked; names isolated from the times beside them. */
export function Transcript({ conversationId, messages, visitorName }: { conversationId: string; messages: ConversationMessage[]; visitorName: string }) {
  const list = useRef<HTMLOListElement>(null);
  const last = messages[messages.length - 1]?.sequence;
  useEffect(() => {
    if (list.current) {
      list.current.scrollTop = list.current.scrollHeight;
    }
  }, [last, conversationId]);
  const typist = typing.value[conversationId];
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
