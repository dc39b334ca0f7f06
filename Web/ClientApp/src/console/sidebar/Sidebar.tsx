import { signal } from "@preact/signals";
import { conversation } from "../store/selection";
import { propertyId } from "../store/session";
import { Tabs } from "../ui/Tabs";
import { DetailsTab } from "./DetailsTab";
import { HistoryTab } from "./HistoryTab";
import { KnowledgeTab } from "./KnowledgeTab";
import { RequesterDetails } from "./RequesterDetails";
import { ShortcutsTab } from "./ShortcutsTab";

type Tab = "details" | "kb" | "shortcuts" | "history";

/** The tab shown stays as the agent moves between conversations. */
const tab = signal<Tab>("kb");

/** The right-hand tabs while answering: Details (VIS-1..4), Knowledge Base (KB-1, KB-2), Shortcuts (KB-3) and History (VIS-5). */
export function Sidebar() {
  const c = conversation.value;
  const visitorId = c ? (c.kind === "chat" ? c.view.visitorId : c.view.requester.visitorId) : null;
  return (
    <aside class="sidebar" id="sidebar" aria-label="Visitor details and knowledge base" key={propertyId.value}>
      <Tabs label="Side panel" tabs={[["details", "Details"], ["kb", "Knowledge"], ["shortcuts", "Shortcuts"], ["history", "History"]]} selected={tab.value} onSelect={(t) => (tab.value = t)} />
      <div class="sidebar-body" role="tabpanel" aria-label={{ details: "Details", kb: "Knowledge base", shortcuts: "Shortcuts", history: "History" }[tab.value]}>
        {tab.value === "details" && (visitorId
          ? <DetailsTab visitorId={visitorId} key={visitorId} />
          : c?.kind === "ticket" ? <RequesterDetails requester={c.view.requester} /> : <p class="muted">Open a conversation to see the visitor's details.</p>)}
        {tab.value === "kb" && <KnowledgeTab />}
        {tab.value === "shortcuts" && <ShortcutsTab />}
        {tab.value === "history" && <HistoryTab visitorId={visitorId} />}
      </div>
    </aside>
  );
}
