import { api, ok } from "../api/client";
import type { ChatView } from "../api/types";
import { me, propertyId } from "../store/session";
import { Avatar } from "../ui/Avatar";
import { Button } from "../ui/Button";
import { statusTone } from "../ui/Chip";
import { Menu } from "../ui/Menu";
import { Icon } from "../ui/Icon";
import { RelativeTime } from "../ui/RelativeTime";
import { act, running } from "./act";
import { banVisitor, closeConversation, convertToTicket, copyTranscript, moveTo, printTranscript } from "./chatActions";
import { AssigneeSelect, BinButtons, PopoutButton } from "./controls";
import { sessionInfoOpen } from "./SessionInfo";
import { BackToList } from "./BackToList";

/** The chat's header on one row: who, its status (a menu: Open or Closed), Pick up, assignee, session info, options, popout. */
export function ChatHeader({ chat }: { chat: ChatView }) {
  const inInbox = chat.bin === "Inbox";
  const closed = chat.status === "Closed";
  const mine = chat.assignee?.kind === "Agent" && chat.assignee.id === me.value?.id;
  const shown = inInbox ? chat.status : chat.bin;
  return (
    <div class="detail-header chat-header">
      <BackToList />
      <Avatar name={chat.visitorName} size={36} />
      <div class="who">
        <h2 dir="auto">{chat.visitorName}</h2>
        <span class="sub muted">
          {chat.visitorEmail ? <bdi>{chat.visitorEmail}</bdi> : "No email yet"} · started <RelativeTime at={chat.createdAt} />
          {chat.rating && <> · <span data-testid="rating">{chat.rating.value === "Good" ? <><Icon name="up" size={12} /> Good</> : <><Icon name="down" size={12} /> Bad</>}</span></>}
        </span>
      </div>
      <div class="header-controls">
        <span class="field-inline control">
          <span class="field-label" aria-hidden="true">Status</span>
          <Menu
            label={`Chat status: ${shown}`}
            class={`status-menu chip-${statusTone(shown)}`}
            disabled={!inInbox || closed}
            button={<span data-testid="conversation-status">{shown}</span>}
            items={[
              { label: "Open", checked: !closed, onSelect: () => undefined },
              { label: "Closed", checked: closed, danger: true, onSelect: () => void closeConversation("chat", chat.id) },
            ]}
          />
        </span>
        {inInbox && !closed && !mine && (
          <Button
            variant="primary"
            size="sm"
            title="Assign this chat to yourself"
            busy={running.value === "pickup"}
            onClick={() => void act("pickup", () => ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/assignee", {
              params: { path: { propertyId: propertyId.value, conversationId: chat.id } },
              body: { kind: "Agent", assigneeId: me.value!.id },
            })))}
          >
            Pick up
          </Button>
        )}
        {inInbox && <AssigneeSelect kind="chat" id={chat.id} current={chat.assignee} disabled={false} />}
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={sessionInfoOpen.value}
          aria-controls="session-info"
          onClick={() => (sessionInfoOpen.value = !sessionInfoOpen.value)}
        >
          <Icon name="info" /> <span class="collapsible-label">Session info</span>
        </Button>
        {!inInbox && <BinButtons kind="chat" id={chat.id} />}
        <Menu
          label="Chat options"
          align="end"
          button={<Icon name="more" />}
          items={[
            ...(inInbox && !chat.ticketId ? [{ label: "Create ticket", onSelect: () => void convertToTicket(chat) }] : []),
            { label: "Copy transcript", onSelect: () => void copyTranscript(chat) },
            { label: "Print transcript", onSelect: () => void printTranscript(chat) },
            { label: "Ban visitor…", danger: true, onSelect: () => void banVisitor(chat) },
            ...(inInbox
              ? [
                  { label: "Mark as spam", onSelect: () => void moveTo("chat", chat.id, "spam") },
                  { label: "Mark as spam and ban…", danger: true, onSelect: () => void banVisitor(chat, true) },
                  { label: "Delete chat", danger: true, onSelect: () => void moveTo("chat", chat.id, "trash") },
                ]
              : []),
          ]}
        />
        <PopoutButton kind="chat" id={chat.id} />
      </div>
    </div>
  );
}
