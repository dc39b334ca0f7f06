import type { View } from "../api/types";
import { showView } from "../actions/inbox";
import { unreadCounts } from "../store/attention";
import { counts, view } from "../store/inbox";
import { pane } from "../store/selection";
import { me } from "../store/session";
import { agents } from "../store/team";
import { Avatar } from "../ui/Avatar";
import { Icon, type IconName } from "../ui/Icon";

const views: [View, string, IconName][] = [
  ["all", "All", "inbox"],
  ["chats", "Chats", "chat"],
  ["tickets", "Tickets", "ticket"],
  ["trash", "Trash", "trash"],
  ["spam", "Spam", "spam"],
];

/** The five views (INB-2) with their totals and unread counts, and the team's presence (ADM-2). */
export function ViewsNav() {
  const unreadOf = (v: View) => (v === "all" || v === "chats" || v === "tickets" ? unreadCounts.value[v] : 0);
  return (
    <nav class="views" aria-label="Views">
      {views.map(([id, label, icon]) => (
        <button type="button" data-view={id} aria-current={view.value === id && pane.value.type !== "settings"} onClick={() => showView(id)}>
          <span class="view-icon"><Icon name={icon} size={18} /></span>
          <span class="view-label">{label}</span>
          {unreadOf(id) > 0 && <span class="unread-count" title="Unread">{unreadOf(id)}<span class="sr-only"> unread</span></span>}
          <span class="count" data-count={id}>{counts.value[id] ?? ""}</span>
        </button>
      ))}
      <Team />
    </nav>
  );
}

const order = { Online: 0, Away: 1, Offline: 2 };

function Team() {
  const list = [...agents.value].sort((a, b) => order[a.presence] - order[b.presence] || a.name.localeCompare(b.name));
  const online = agents.value.filter((a) => a.presence !== "Offline").length;
  return (
    <section class="team" aria-label="Team" data-testid="team">
      <h2>
        Team <span id="team-count" class="count">{online}/{agents.value.length}</span>
      </h2>
      <ul id="team-list">
        {list.map((a) => (
          <li data-agent-id={a.id} data-presence={a.presence} title={`${a.name}: ${a.presence}`}>
            <Avatar name={a.name} size={22} presence={a.presence} />
            <span class="name"><bdi>{a.name}</bdi>{a.id === me.value?.id ? " (you)" : ""}</span>
            <span class="sr-only"> {a.presence}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
