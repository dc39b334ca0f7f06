import { effect } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { closeConversation } from "./conversation/chatActions";
import { sessionInfoOpen } from "./conversation/SessionInfo";
import { openConversation } from "./actions/conversation";
import { startLive } from "./actions/realtime";
import { loadNotificationSettings } from "./actions/notificationSettings";
import { loadMe, switchProperty } from "./actions/session";
import { tableControl } from "./inbox/InboxTable";
import { InboxPane } from "./inbox/InboxPane";
import { installShortcuts } from "./keyboard";
import { MainPane } from "./shell/MainPane";
import { ShortcutHelp, showShortcutHelp } from "./shell/ShortcutHelp";
import { SignIn } from "./shell/SignIn";
import { TopBar } from "./shell/TopBar";
import { ViewsNav } from "./shell/ViewsNav";
import { Sidebar } from "./sidebar/Sidebar";
import { titleWith, unreadCounts } from "./store/attention";
import { expireTyping } from "./store/live";
import { conversation, pane, paneError } from "./store/selection";
import { memberships, popout, signedIn } from "./store/session";
import { DialogHost } from "./ui/Dialog";

/** Signs in (or finds the session), opens the asked-for or first property, and goes live. */
async function boot(): Promise<void> {
  try {
    await loadMe();
  } catch {
    signedIn.value = "no";
    return;
  }
  void loadNotificationSettings();
  const wanted = new URLSearchParams(location.search).get("property");
  const initial = memberships.value.find((m) => m.propertyId === wanted)?.propertyId ?? (popout ? "" : memberships.value[0]?.propertyId ?? "");
  if (!initial) {
    paneError.value = popout
      ? "This conversation belongs to a property you are not a member of."
      : "You do not belong to any property yet. Ask an admin to add you, or create one in Settings.";
    return;
  }
  await switchProperty(initial);
  if (popout) {
    await openConversation(popout.kind, popout.id);
  }
  await startLive();
}

// The tab title: the popout's conversation, and the unread count everywhere.
effect(() => {
  const c = conversation.value;
  const base = popout && c ? `\u2068${c.kind === "chat" ? c.view.visitorName : c.view.subject}\u2069 — Conversations` : "Conversations";
  document.title = titleWith(unreadCounts.value.all, base);
});

setInterval(() => expireTyping(), 2000);

installShortcuts({
  move: (delta) => !popout && tableControl.focusRow(tableControl.focusedIndex() < 0 ? currentIndex(delta) : tableControl.focusedIndex() + delta),
  openFocused: () => {
    const focused = document.querySelector<HTMLButtonElement>("[data-testid=chat-list] .row-open:focus") ?? document.querySelector<HTMLButtonElement>("[data-testid=chat-list] .row-open");
    focused?.click();
  },
  focusReply: () => document.querySelector<HTMLTextAreaElement>("#detail .composer textarea")?.focus(),
  focusFilters: () => !popout && document.querySelector<HTMLInputElement>("#filters input")?.focus(),
  focusSearch: () => !popout && document.querySelector<HTMLInputElement>("#search-box")?.focus(),
  closeConversation: () => {
    const c = conversation.value;
    if (c && c.view.bin === "Inbox" && c.view.status !== "Closed") {
      void closeConversation(c.kind, c.view.id);
    }
  },
  showHelp: showShortcutHelp,
  escape: () => {
    sessionInfoOpen.value = false;
  },
});

/** Where j/k start when no row has focus: the open conversation's row, else the top. */
function currentIndex(delta: number): number {
  const current = document.querySelector<HTMLElement>("[data-testid=chat-list] .table-row.current");
  return current ? Number(current.dataset.index) + delta : 0;
}

export function App() {
  useEffect(() => {
    void boot();
  }, []);
  if (signedIn.value === "no") {
    return <SignIn signedIn={boot} />;
  }
  if (signedIn.value === "unknown") {
    return <p class="muted pane-message">Loading…</p>;
  }
  // Settings, Reports and the Audit log take the room of the list and the side tabs, which have nothing to do with them.
  const fullWidth = pane.value.type === "settings" || pane.value.type === "reports" || pane.value.type === "audit";
  const layout = popout ? "popout" : pane.value.type === "none" ? "list" : fullWidth ? "settings" : "split";
  return (
    <>
      <TopBar />
      <main class={`console layout-${layout}`} id="console">
        {!popout && <ViewsNav />}
        {!popout && <InboxPane />}
        <MainPane />
        {!popout && <Sidebar />}
      </main>
      <ShortcutHelp />
      <DialogHost />
    </>
  );
}
