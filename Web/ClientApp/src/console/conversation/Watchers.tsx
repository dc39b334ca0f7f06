import { me } from "../store/session";
import { watchers, type Watcher } from "../store/watchers";
import { Avatar } from "../ui/Avatar";

const others = (conversationId: string): Watcher[] => (watchers.value[conversationId] ?? []).filter((w) => w.agentId !== me.value?.id);

/** COL-1: the other agents who have this conversation open, and who of them is writing a reply, live. */
export function WatchersBar({ conversationId }: { conversationId: string }) {
  const list = others(conversationId);
  if (list.length === 0) {
    return null;
  }
  const writing = list.filter((w) => w.isReplying);
  return (
    <p class={`watchers-bar${writing.length ? " warning" : ""}`} data-testid="watchers" role="status">
      {list.map((w) => (
        <span class="watcher" data-agent-id={w.agentId} title={`${w.agentName} ${w.isReplying ? "is writing a reply" : "is viewing"}`}>
          <Avatar name={w.agentName} size={20} /> <bdi>{w.agentName}</bdi> <span class="muted">{w.isReplying ? "replying…" : "viewing"}</span>
        </span>
      ))}
    </p>
  );
}

/** COL-1: small avatars of the agents in a conversation, for its list row. */
export function WatcherAvatars({ conversationId }: { conversationId: string }) {
  const list = others(conversationId);
  if (list.length === 0) {
    return null;
  }
  const label = list.map((w) => `${w.agentName} ${w.isReplying ? "replying" : "viewing"}`).join(", ");
  return (
    <span class="row-watchers" data-testid="row-watchers" title={label} aria-label={label} role="img">
      {list.slice(0, 3).map((w) => (
        <span class={w.isReplying ? "replying" : ""}><Avatar name={w.agentName} size={18} /></span>
      ))}
      {list.length > 3 && <span class="muted">+{list.length - 3}</span>}
    </span>
  );
}
