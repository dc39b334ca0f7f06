import { useEffect } from "preact/hooks";
import { conversation, messages, pane, paneError } from "../store/selection";
import { actionError } from "./act";
import { ChatHeader } from "./ChatHeader";
import { Composer } from "./Composer";
import { SessionInfo, sessionInfoOpen } from "./SessionInfo";
import { TagBar } from "./TagBar";
import { TicketHeader, ticketTagsShown } from "./TicketHeader";
import { Transcript } from "./Transcript";
import { SlaCountdown } from "../ui/SlaCountdown";
import { slaByConversation } from "../store/sla";
import { MergedBanner, splitChoice } from "./MergeAndSplit";
import { WatchersBar } from "./Watchers";

/** The open chat or ticket: header, tags, session info, transcript and reply box. */
export function ConversationPane() {
  const c = conversation.value;
  const current = pane.value;
  const id = current.type === "conversation" ? current.id : null;
  useEffect(() => {
    splitChoice.value = null;
    actionError.value = null;
    sessionInfoOpen.value = false;
  }, [id]);
  if (paneError.value) {
    return <p class="error pane-message" role="alert">{paneError.value}</p>;
  }
  if (!c || c.view.id !== id) {
    return <p class="muted pane-message" aria-busy="true">Loading…</p>;
  }
  return (
    <div class="conversation" key={c.view.id}>
      {c.kind === "chat" ? <ChatHeader chat={c.view} /> : <TicketHeader ticket={c.view} />}
      {slaByConversation.value[c.view.id] && <p class="sla-line">SLA: <SlaCountdown conversationId={c.view.id} /></p>}
      <WatchersBar conversationId={c.view.id} />
      <MergedBanner c={c} />
      {(c.kind === "chat" || ticketTagsShown.value) && <TagBar c={c} />}
      <p class="error" role="alert">{actionError.value ?? ""}</p>
      {c.kind === "chat" && sessionInfoOpen.value && <SessionInfo chat={c.view} />}
      <Transcript conversationId={c.view.id} kind={c.kind} messages={messages.value} visitorName={c.kind === "chat" ? c.view.visitorName : c.view.requester.name ?? c.view.requester.email} />
      {/* Keyed: another conversation gets a fresh composer (text, whisper, attachments) in the same render. */}
      <Composer c={c} key={`composer-${c.view.id}`} />
    </div>
  );
}
