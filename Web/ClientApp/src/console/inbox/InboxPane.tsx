import { useEffect } from "preact/hooks";
import { bulk, loadPage, scheduleRefresh } from "../actions/inbox";
import { showPane } from "../actions/conversation";
import { confirmAction } from "../ui/Dialog";
import { Button } from "../ui/Button";
import { bulkResult, filtered, filters, listError, loading, nextCursor, rows, ticked, total, view } from "../store/inbox";
import { propertyId } from "../store/session";
import { Filters } from "./Filters";
import { InboxTable } from "./InboxTable";
import { mergeTicked } from "../conversation/MergeAndSplit";

const emptyTexts = {
  all: "No conversations here yet. Open the demo site and start a chat.",
  chats: "No chats yet.",
  tickets: "No tickets yet.",
  trash: "Trash is empty.",
  spam: "No spam.",
};

const viewTitles = { all: "All conversations", chats: "Chats", tickets: "Tickets", trash: "Trash", spam: "Spam" };

/** The list side: the view's title and total, the filters, the bulk bar and the table. */
export function InboxPane() {
  // Filters apply as they change (typed ones after a pause).
  const f = filters.value;
  useEffect(() => {
    if (propertyId.value) {
      scheduleRefresh(300);
    }
  }, [f]);

  const empty = rows.value.length === 0 && !loading.value;
  return (
    <section class="list" aria-label="Conversations list">
      <header class="list-header">
        <h1 class="list-title">{viewTitles[view.value]}</h1>
        <p id="list-status" class={listError.value ? "error" : "muted"} role="status">
          {listError.value ?? (loading.value && rows.value.length === 0 ? "Loading…" : `${total.value} in this view`)}
        </p>
        <Button variant="primary" size="sm" id="new-ticket" onClick={() => showPane({ type: "new-ticket" })}>
          + New ticket
        </Button>
      </header>
      <Filters />
      <BulkBar />
      <InboxTable />
      {empty && (
        <p class="empty muted" data-testid="empty-list">
          {filtered.value ? "Nothing matches these filters." : emptyTexts[view.value]}
        </p>
      )}
      {nextCursor.value && (
        <Button id="more" size="sm" class="load-more" onClick={() => void loadPage(false)}>
          Load more
        </Button>
      )}
    </section>
  );
}

/** INB-5: actions on the ticked rows; irreversible ones ask first. The result stays until the next action. */
function BulkBar() {
  const count = ticked.value.size;
  const result = bulkResult.value;
  const inBin = view.value === "trash" || view.value === "spam";
  const run = async (action: Parameters<typeof bulk>[0]) => {
    if (action === "close" || action === "purge") {
      const sure = await confirmAction(action === "close" ? `Close ${count} conversation(s)?` : `Permanently delete ${count} conversation(s)?`, {
        message: action === "close" ? "Closed chats and tickets cannot be reopened." : "They and all their messages are removed for good. This cannot be undone.",
        confirm: action === "close" ? "Close" : "Delete permanently",
        danger: true,
      });
      if (!sure) {
        return;
      }
    }
    await bulk(action);
  };
  return (
    <>
      {count > 0 && (
        <div id="bulk" class="bulk" role="toolbar" aria-label="Selected conversations">
          <span id="bulk-count">{count} selected</span>
          {!inBin && <Button size="sm" title="Close selected" onClick={() => void run("close")}>✓ Close</Button>}
          {!inBin && <Button size="sm" onClick={() => void run("trash")}>Delete</Button>}
          {!inBin && <Button size="sm" onClick={() => void run("spam")}>Spam</Button>}
          {!inBin && count > 1 && <Button size="sm" title="Merge the selected conversations into one ticket" onClick={() => void mergeTicked()}>Merge</Button>}
          {inBin && <Button size="sm" onClick={() => void run("restore")}>Restore</Button>}
          {inBin && <Button size="sm" variant="danger" onClick={() => void run("purge")}>Purge</Button>}
        </div>
      )}
      {result && (
        <div class={`bulk-result${result.refused.length ? " warning" : ""}`} role="status">
          <span>
            {result.refused.length === 0
              ? `${result.done} done.`
              : `${result.done} done, ${result.refused.length} refused: ${result.refused.map((r) => r.message).join("; ")}`}
          </span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => (bulkResult.value = null)}>×</button>
        </div>
      )}
    </>
  );
}
