import { useEffect, useRef } from "preact/hooks";
import { openConversation } from "../actions/conversation";
import { renderSidebar, type Sidebar as SidebarApi } from "../legacy/sidebar";
import { conversation } from "../store/selection";
import { isAdmin, propertyId } from "../store/session";

/** The right-hand tabs while answering: Details, Knowledge Base, Shortcuts and History. */
export function Sidebar() {
  const root = useRef<HTMLElement>(null);
  const api = useRef<SidebarApi | null>(null);
  useEffect(() => {
    if (root.current && propertyId.value) {
      api.current = renderSidebar(root.current, () => propertyId.value, (kind, id) => void openConversation(kind, id), () => isAdmin.value);
    }
  }, [propertyId.value]);
  const c = conversation.value;
  const visitorId = c ? (c.kind === "chat" ? c.view.visitorId : c.view.requester.visitorId) : null;
  useEffect(() => api.current?.showVisitor(visitorId ?? null), [visitorId, api.current]);
  return <aside class="sidebar" id="sidebar" aria-label="Knowledge base and visitor details" ref={root} />;
}
