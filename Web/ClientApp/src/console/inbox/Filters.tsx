import type { ComponentChildren } from "preact";
import type { Priority } from "../api/types";
import { priorities } from "../api/types";
import { useState } from "preact/hooks";
import { filters, setFilter, type StatusFilter } from "../store/inbox";
import { agents, departments } from "../store/team";
import { slaEnabled } from "../store/sla";

const statuses: [StatusFilter, string][] = [["open", "Open"], ["pending", "Pending"], ["closed", "Closed"]];

/** The INB-4 filters, each labeled, combined with AND; they stay on screen above the list. */
export function Filters() {
  const f = filters.value;
  const [expanded, setExpanded] = useState(false);
  const secondary = [f.priority, f.tags, f.minMessages, f.from, f.to].filter((v) => v.trim() !== "").length;
  const toggle = (status: StatusFilter, on: boolean) =>
    setFilter("statuses", on ? [...f.statuses, status] : f.statuses.filter((s) => s !== status));
  return (
    <form class={`filters${expanded ? " expanded" : ""}`} aria-label="Filters" id="filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset class="field status-filter" aria-label="Status filter">
        <legend class="field-label">Status</legend>
        <div class="toggle-group">
          {statuses.map(([value, label]) => (
            <label class="toggle">
              <input type="checkbox" value={value} checked={f.statuses.includes(value)} onChange={(e) => toggle(value, e.currentTarget.checked)} />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FilterField label="Assigned">
        <select id="filter-assignee" aria-label="Assigned filter" value={f.assignee} onChange={(e) => setFilter("assignee", e.currentTarget.value)}>
          <option value="">Anyone</option>
          {agents.value.map((a) => <option value={a.id}>{a.name}</option>)}
          {departments.value.map((d) => <option value={d.id}>Department: {d.name}</option>)}
        </select>
      </FilterField>
      <FilterField label="Sort">
        <select aria-label="Sort" value={f.sort} onChange={(e) => setFilter("sort", e.currentTarget.value as "updated" | "priority")}>
          <option value="updated">Newest first</option>
          <option value="priority">Priority</option>
        </select>
      </FilterField>
      {slaEnabled.value && (
        <FilterField label="SLA">
          <select aria-label="SLA filter" value={f.sla} onChange={(e) => setFilter("sla", e.currentTarget.value as "" | "breachingSoon" | "breached")}>
            <option value="">Any</option>
            <option value="breachingSoon">Breaching soon</option>
            <option value="breached">Breached</option>
          </select>
        </FilterField>
      )}
      <button type="button" class="btn btn-ghost btn-sm more-filters" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        {expanded ? "Fewer filters" : `More filters${secondary ? ` (${secondary})` : ""}`}
      </button>
      <div class="secondary-filters">
      <FilterField label="Priority">
        <select aria-label="Priority filter" value={f.priority} onChange={(e) => setFilter("priority", e.currentTarget.value as Priority | "")}>
          <option value="">Any</option>
          {priorities.map((p) => <option value={p}>{p}</option>)}
        </select>
      </FilterField>
      <FilterField label="Tags">
        <input aria-label="Tags filter" placeholder="vip, refund" value={f.tags} size={10} onInput={(e) => setFilter("tags", e.currentTarget.value)} />
      </FilterField>
      <FilterField label="Min. messages">
        <input aria-label="Minimum message count" type="number" min={0} value={f.minMessages} class="narrow" onInput={(e) => setFilter("minMessages", e.currentTarget.value)} />
      </FilterField>
      <FilterField label="Updated (from – to)">
        <span class="date-range">
          <input type="date" aria-label="Updated from" value={f.from} onInput={(e) => setFilter("from", e.currentTarget.value)} />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label="Updated to" value={f.to} onInput={(e) => setFilter("to", e.currentTarget.value)} />
        </span>
      </FilterField>
      </div>
    </form>
  );
}

/** A filter's visible caption; the control carries its own name (aria-label), so captions never clash with the pane's controls. */
function FilterField({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <span class="field-label" aria-hidden="true">{label}</span>
      {children}
    </div>
  );
}
