import { signal } from "@preact/signals";
import { api, ok } from "../api/client";
import type { Priority, TicketView } from "../api/types";
import { priorities } from "../api/types";
import { openConversation } from "../actions/conversation";
import { propertyId } from "../store/session";
import { Avatar } from "../ui/Avatar";
import { Chip, statusTone } from "../ui/Chip";
import { Menu } from "../ui/Menu";
import { Icon } from "../ui/Icon";
import { RelativeTime } from "../ui/RelativeTime";
import { act, running } from "./act";
import { closeConversation, moveTo } from "./chatActions";
import { AssigneeSelect, BinButtons, PopoutButton } from "./controls";
import { BackToList } from "./BackToList";

/** The Tags button's choice (TIC-8) holds for every ticket until changed, and survives live reloads. */
export const ticketTagsShown = signal(true);

/** The ticket's header: subject and requester, then status (TIC-5), assignee (TIC-6), priority (TIC-7), tags, more options. */
export function TicketHeader({ ticket }: { ticket: TicketView }) {
  const inInbox = ticket.bin === "Inbox";
  const closed = ticket.status === "Closed";
  const params = { path: { propertyId: propertyId.value, ticketId: ticket.id } };
  const setStatus = (status: "Open" | "Pending" | "Closed") =>
    status === "Closed"
      ? void closeConversation("ticket", ticket.id)
      : void act("status", () => ok(api.POST("/api/v1/properties/{propertyId}/tickets/{ticketId}/status", { params, body: { status } })));
  return (
    <div class="detail-header ticket-header">
      <div class="header-title-row">
        <BackToList />
        <Avatar name={ticket.requester.name ?? ticket.requester.email} size={36} />
        <div class="who">
          <h2 dir="auto">{ticket.subject}</h2>
          <span class="sub muted">
            <bdi>{ticket.requester.name ?? ""}</bdi> &lt;<bdi>{ticket.requester.email}</bdi>&gt; · opened <RelativeTime at={ticket.createdAt} />
            {ticket.sourceChatId && <> · <button type="button" class="link" onClick={() => void openConversation("chat", ticket.sourceChatId!)}>Source chat</button></>}
            {ticket.previousTicketId && <> · <button type="button" class="link" onClick={() => void openConversation("ticket", ticket.previousTicketId!)}>Previous ticket</button></>}
            <FollowUps ids={ticket.followUpTicketIds ?? (ticket.followUpTicketId ? [ticket.followUpTicketId] : [])} />
          </span>
        </div>
        {!inInbox && <Chip tone={statusTone(ticket.bin)} testId="conversation-status">{ticket.bin}</Chip>}
        <button type="button" class="btn btn-ghost btn-sm" aria-expanded={ticketTagsShown.value} onClick={() => (ticketTagsShown.value = !ticketTagsShown.value)}>
          Tags
        </button>
        {inInbox ? (
          <Menu
            label="More options"
            align="end"
            button={<Icon name="more" />}
            items={[
              { label: "Mark as spam", onSelect: () => void moveTo("ticket", ticket.id, "spam") },
              { label: "Delete", danger: true, onSelect: () => void moveTo("ticket", ticket.id, "trash") },
            ]}
          />
        ) : (
          <BinButtons kind="ticket" id={ticket.id} />
        )}
        <PopoutButton kind="ticket" id={ticket.id} />
      </div>
      <div class="header-controls">
        <span class="field-inline control">
          <span class="field-label status-label" aria-hidden="true">Status</span>
          <span class="segmented status-group" role="group" aria-label="Status">
            {(["Open", "Pending", "Closed"] as const).map((s) => (
              <button type="button" class={s === ticket.status ? "active" : ""} aria-pressed={s === ticket.status} disabled={closed || !inInbox || running.value === "status"} onClick={() => s !== ticket.status && setStatus(s)}>
                {s}
              </button>
            ))}
          </span>
        </span>
        <AssigneeSelect kind="ticket" id={ticket.id} current={ticket.assignee} disabled={!inInbox} />
        <label class="field-inline control">
          <span class="field-label">Priority</span>
          <select aria-label="Priority" value={ticket.priority} disabled={!inInbox || running.value === "priority"} onChange={(e) => {
            const priority = e.currentTarget.value as Priority;
            void act("priority", () => ok(api.POST("/api/v1/properties/{propertyId}/tickets/{ticketId}/priority", { params, body: { priority } })));
          }}>
            {priorities.map((p) => <option value={p}>{p}</option>)}
          </select>
        </label>
      </div>
    </div>
  );
}

/** TIC-5: every ticket that follows this one up, oldest first; a new one appears live (its link is an event). */
function FollowUps({ ids }: { ids: string[] }) {
  if (ids.length === 0) {
    return null;
  }
  const open = (id: string) => () => void openConversation("ticket", id);
  return ids.length === 1 ? (
    <> · <button type="button" class="link" onClick={open(ids[0])}>Follow-up ticket</button></>
  ) : (
    <span data-testid="follow-ups">
      {" · Follow-ups: "}
      {ids.map((id, i) => (
        <>{i > 0 && ", "}<button type="button" class="link" aria-label={`Follow-up ticket ${i + 1} of ${ids.length}`} onClick={open(id)}>{i + 1}</button></>
      ))}
    </span>
  );
}
