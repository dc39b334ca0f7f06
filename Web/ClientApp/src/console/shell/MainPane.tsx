import { ConversationPane } from "../conversation/ConversationPane";
import { NewTicket } from "../NewTicket";
import { pane, paneError } from "../store/selection";
import { SettingsPane } from "../settings/SettingsPane";
import { SearchPane } from "../search/SearchPane";
import { ReportsPane } from "../reports/ReportsPane";
import { AuditPane } from "../audit/AuditPane";

/** The middle pane: the open conversation, the settings, a new ticket, search results, or a hint. */
export function MainPane() {
  const current = pane.value;
  return (
    <section class="detail" id="detail" aria-label="Conversation">
      {current.type === "conversation" && <ConversationPane />}
      {current.type === "settings" && <SettingsPane />}
      {current.type === "reports" && <ReportsPane />}
      {current.type === "audit" && <AuditPane />}
      {current.type === "new-ticket" && <NewTicket />}
      {current.type === "search" && <SearchPane />}
      {current.type === "none" && (paneError.value
        ? <p class="error pane-message" role="alert">{paneError.value}</p>
        : (
          <div class="placeholder">
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <p>Select a conversation to see its messages.</p>
            <p class="muted">Press <kbd>?</kbd> for keyboard shortcuts.</p>
          </div>
        ))}
    </section>
  );
}
