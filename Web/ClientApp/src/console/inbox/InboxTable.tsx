import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from "@tanstack/virtual-core";
import { useLayoutEffect, useMemo, useReducer, useRef } from "preact/hooks";
import type { InboxRow } from "../api/types";
import { openConversation } from "../actions/conversation";
import { unread } from "../store/attention";
import { typing } from "../store/live";
import { filters, rows, setFilter, ticked, toggleTick, view } from "../store/inbox";
import { openId } from "../store/selection";
import { columnsOf, created } from "./columns";

const rowHeight = 56;

let wanted: { index: number; at: number } | null = null;

/** The table's rows, so the keyboard shortcuts (j, k, Enter) can move through a list that is only partly drawn. */
export const tableControl = {
  focusRow: (_index: number) => {},
  focusedIndex: () => -1,
};

/**
 * The inbox as a table (INB-3): a header row whose Updated and Priority headers sort, and rows drawn only where the
 * list is scrolled to (virtual rows), so a view of thousands stays quick.
 */
export function InboxTable() {
  const list = rows.value;
  const columns = columnsOf(view.value);
  const scroller = useRef<HTMLDivElement>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const virtualizer = useMemo(
    () =>
      new Virtualizer<HTMLDivElement, HTMLDivElement>({
        count: 0,
        getScrollElement: () => scroller.current,
        estimateSize: () => rowHeight,
        overscan: 12,
        initialRect: { width: 800, height: 900 },
        observeElementRect,
        observeElementOffset,
        scrollToFn: elementScroll,
        onChange: () => redraw(0),
      }),
    [],
  );
  virtualizer.setOptions({ ...virtualizer.options, count: list.length });
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());

  tableControl.focusRow = (index: number) => {
    const at = Math.max(0, Math.min(list.length - 1, index));
    wanted = { index: at, at: Date.now() };
    virtualizer.scrollToIndex(at, { align: "auto" });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${at}"] .row-open`)?.focus());
  };
  // A row asked for a moment ago may not be drawn and focused yet: keys pressed quickly count from it.
  tableControl.focusedIndex = () =>
    wanted && Date.now() - wanted.at < 1000 ? wanted.index : Number((document.activeElement?.closest("[data-index]") as HTMLElement | null)?.dataset.index ?? -1);

  const sortBy = filters.value.sort;
  const template = `2.25rem minmax(9rem, 2.4fr) ${columns.map((c) => `var(--col-${c.id})`).join(" ")}`;
  const items = virtualizer.getVirtualItems();
  const current = openId();
  const allTicked = list.length > 0 && list.every((r) => ticked.value.has(r.id));

  return (
    <div class={`table-scroll${list.length === 0 ? " is-empty" : ""}`} id="chats" ref={scroller} role="table" aria-label="Conversations" aria-rowcount={list.length + 1}>
      <div class="table-row table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        <span role="columnheader" class="tick">
          <input type="checkbox" aria-label="Select all" checked={allTicked} onChange={(e) => list.forEach((r) => toggleTick(r.id, e.currentTarget.checked))} />
        </span>
        <span role="columnheader">{view.value === "tickets" ? "Subject" : view.value === "chats" ? "Visitor" : "Conversation"}</span>
        {columns.map((c) => (
          <span role="columnheader" data-col={c.id} aria-sort={c.sort ? (sortBy === c.sort ? "descending" : "none") : undefined}>
            {c.sort ? (
              <button type="button" class="sort" onClick={() => setFilter("sort", c.sort!)} title={`Sort by ${c.header.toLowerCase()}`}>
                {c.header}
                <span aria-hidden="true">{sortBy === c.sort ? " ↓" : ""}</span>
              </button>
            ) : (
              c.header
            )}
          </span>
        ))}
      </div>
      <div role="rowgroup" data-testid="chat-list" style={{ height: `${virtualizer.getTotalSize()}px`, position: "relative" }}>
        {items.map((item) => {
          const row = list[item.index];
          return row && <Row key={row.id} row={row} index={item.index} top={item.start} template={template} current={row.id === current} />;
        })}
      </div>
    </div>
  );
}

function Row({ row, index, top, template, current }: { row: InboxRow; index: number; top: number; template: string; current: boolean }) {
  const columns = columnsOf(view.value);
  const chat = row.kind === "Chat";
  const open = () => void openConversation(chat ? "chat" : "ticket", row.id);
  const isUnread = row.id in unread.value;
  const typist = typing.value[row.id];
  return (
    <div
      class={`table-row${current ? " current" : ""}${isUnread ? " unread" : ""}`}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-chat-id={row.id}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onClick={(e) => !(e.target as HTMLElement).closest("input, button") && open()}
    >
      <span role="cell" class="tick">
        <input type="checkbox" aria-label={`Select ${row.title}`} checked={ticked.value.has(row.id)} onChange={(e) => toggleTick(row.id, e.currentTarget.checked)} />
      </span>
      <span role="cell" class="title-cell">
        <button type="button" class="row-open" data-kind={row.kind} aria-current={current} onClick={open}>
          <span class={`kind kind-${row.kind.toLowerCase()}`} title={row.kind}>{chat ? "Chat" : "Ticket"}</span>
          <strong dir="auto">{row.title}</strong>
          {isUnread && <span class="unread-dot"><span class="sr-only">unread</span></span>}
        </button>
        <span class="cell-sub">
          {typist ? <em class="typing-note">typing…</em> : !chat && row.requester ? <bdi>{row.requester}</bdi> : null}
          {row.tags.length > 0 && <span class="row-tags">{row.tags.map((t, i) => <>{i > 0 && " "}<bdi>#{t}</bdi></>)}</span>}
        </span>
      </span>
      {columns.map((c) => (
        <span role="cell" data-col={c.id}>
          {c.cell(row)}
          {c.id === "updated" && created(row)}
        </span>
      ))}
    </div>
  );
}
