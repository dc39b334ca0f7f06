import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { ConversationLink, InboxRow } from "../api/types";
import { openConversation } from "../actions/conversation";
import { propertyId } from "../store/session";
import { fullDate } from "../ui/RelativeTime";
import { Tabs } from "../ui/Tabs";

/**
 * History (VIS-5): Visitor (this visitor's chats and tickets) and Property (the property's most recently updated
 * conversations); every entry opens its conversation.
 */
export function HistoryTab({ visitorId }: { visitorId: string | null }) {
  const [which, setWhich] = useState<"visitor" | "property">(visitorId ? "visitor" : "property");
  const [links, setLinks] = useState<ConversationLink[] | null>(null);
  const [recent, setRecent] = useState<InboxRow[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    setError("");
    const path = { propertyId: propertyId.value };
    if (which === "visitor") {
      setLinks(null);
      if (visitorId) {
        ok(api.GET("/api/v1/properties/{propertyId}/visitors/{visitorId}/history", { params: { path: { ...path, visitorId } } })).then(setLinks, (e) => setError(errorMessage(e)));
      }
    } else {
      setRecent(null);
      ok(api.GET("/api/v1/properties/{propertyId}/inbox", { params: { path, query: { view: "all", sort: "updated", limit: 20 } } }))
        .then((page) => setRecent(page.rows), (e) => setError(errorMessage(e)));
    }
  }, [which, visitorId, propertyId.value]);
  const open = (kind: string, id: string) => void openConversation(kind === "Chat" ? "chat" : "ticket", id);
  return (
    <div class="tab-body">
      <Tabs label="History" tabs={[["visitor", "Visitor"], ["property", "Property"]]} selected={which} onSelect={setWhich} />
      <p class="error" role="alert">{error}</p>
      {which === "visitor" && !visitorId && <p class="muted">No visitor history here: this ticket's requester has no visitor profile yet (they get one when they write again).</p>}
      {which === "visitor" && links && (
        <ul class="results history" data-testid="history">
          {links.length === 0 && <li class="muted">No earlier conversations.</li>}
          {links.map((link) => (
            <li><button type="button" class="link" onClick={() => open(link.kind, link.conversationId)}>{link.kind} · {link.status} · {fullDate(link.startedAt)}</button></li>
          ))}
        </ul>
      )}
      {which === "property" && recent && (
        <ul class="results history" data-testid="property-history">
          {recent.length === 0 && <li class="muted">No conversations yet.</li>}
          {recent.map((row) => (
            <li><button type="button" class="link" onClick={() => open(row.kind, row.id)}>{row.kind} · {row.status} · <bdi>{row.title}</bdi> · {fullDate(row.updatedAt)}</button></li>
          ))}
        </ul>
      )}
    </div>
  );
}
