import { api, ok } from "../api/client";
import type { Assignee, ConversationKind } from "../api/types";
import { popout, propertyId } from "../store/session";
import { agents, departments } from "../store/team";
import { Button } from "../ui/Button";
import { Icon } from "../ui/Icon";
import { act, running } from "./act";
import { moveTo } from "./chatActions";

/** Who a chat (CHAT-1) or ticket (TIC-6) is assigned to: an agent or a department. */
export function AssigneeSelect({ kind, id, current, disabled }: { kind: ConversationKind; id: string; current: Assignee | null; disabled: boolean }) {
  const value = current ? `${current.kind}:${current.id}` : "";
  const change = (choice: string) => {
    const [assigneeKind, assigneeId] = choice ? (choice.split(":") as ["Agent" | "Department", string]) : (["None", null] as const);
    const params = { path: { propertyId: propertyId.value, conversationId: id } };
    const body = { kind: assigneeKind, assigneeId };
    void act("assignee", () => (kind === "chat"
      ? ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/assignee", { params, body }))
      : ok(api.POST("/api/v1/properties/{propertyId}/tickets/{conversationId}/assignee", { params, body }))));
  };
  return (
    <label class="field-inline control">
      <span class="field-label">Assignee</span>
      <select aria-label="Assignee" value={value} disabled={disabled || running.value === "assignee"} onChange={(e) => change(e.currentTarget.value)}>
        <option value="">Unassigned</option>
        {agents.value.map((a) => <option value={`Agent:${a.id}`}>{a.name}</option>)}
        {departments.value.map((d) => <option value={`Department:${d.id}`}>Department: {d.name}</option>)}
      </select>
    </label>
  );
}

/** Opens the conversation in a window of its own that stays live (CHAT-6, TIC-9). */
export function PopoutButton({ kind, id }: { kind: ConversationKind; id: string }) {
  if (popout) {
    return null;
  }
  return (
    <Button
      variant="ghost"
      size="sm"
      data-popout=""
      title="Open in a new window"
      onClick={() => window.open(`/?property=${encodeURIComponent(propertyId.value)}&popout=${kind}/${id}`, `conversation-${id}`, "popup,width=820,height=860")}
    >
      <Icon name="popout" /> <span class="collapsible-label">Popout</span>
    </Button>
  );
}

/** Restore and Purge for a conversation in Trash or Spam (BIN-1..3). */
export function BinButtons({ kind, id }: { kind: ConversationKind; id: string }) {
  return (
    <>
      <Button size="sm" busy={running.value === "restore"} onClick={() => void moveTo(kind, id, "restore")}>Restore</Button>
      <Button size="sm" variant="danger" busy={running.value === "purge"} onClick={() => void moveTo(kind, id, "purge")}>Purge</Button>
    </>
  );
}
