import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { AuditEntry } from "../api/types";
import { propertyId } from "../store/session";
import { agents } from "../store/team";
import { fullDate } from "../ui/RelativeTime";
import { Button } from "../ui/Button";

const actions = [
  "conversation.assigned", "conversation.tagged", "conversation.moved", "conversation.purged", "conversation.converted", "chat.closed",
  "ticket.created", "ticket.status", "ticket.priority", "department.created", "department.renamed", "department.members", "department.deleted",
  "property.created", "property.renamed", "property.supportEmail", "agent.added", "agent.removed",
];

interface Filters { actor: string; action: string; target: string; from: string; to: string }

const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The audit log (AUD-1): who did what, when, before and after; filtered by actor, action, target and period. Read-only. */
export function AuditPane() {
  const [filters, setFilters] = useState<Filters>({ actor: "", action: "", target: "", from: "", to: "" });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [continuation, setContinuation] = useState<string | null>(null);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(true);
  const load = async (more: string | null) => {
    setError("");
    setLoading(true);
    try {
      const page = await ok(api.GET("/api/v1/properties/{propertyId}/audit", {
        params: {
          path: { propertyId: propertyId.value },
          query: {
            actor: filters.actor || undefined, action: filters.action || undefined, target: filters.target || undefined,
            from: iso(filters.from), to: iso(filters.to), limit: 50, continuation: more ?? undefined,
          },
        },
      }));
      setEntries(more ? [...entries, ...page.entries] : page.entries);
      setContinuation(page.continuation ?? null);
    } catch (e) {
      setError(`The audit log could not be loaded: ${errorMessage(e)}`);
    } finally {
      setLoading(false);
    }
  };
  const filtered = Object.values(filters).some((v) => v);
  useEffect(() => void load(null), [propertyId.value, filters]);
  const set = (name: keyof Filters) => (e: Event) => setFilters({ ...filters, [name]: (e.currentTarget as HTMLInputElement).value });
  const who = (id: string, name: string) => agents.value.find((a) => a.id === id)?.name ?? name;
  return (
    <div class="settings-scroll">
      <div class="settings audit">
        <h2>Audit log</h2>
        <form class="settings-row" aria-label="Audit filters" onSubmit={(e) => e.preventDefault()}>
          <label class="field"><span class="field-label">Who</span>
            <select name="actor" value={filters.actor} onChange={set("actor")}>
              <option value="">Anyone</option>
              {agents.value.map((a) => <option value={a.id}>{a.name}</option>)}
            </select>
          </label>
          <label class="field"><span class="field-label">Action</span>
            <select name="action" value={filters.action} onChange={set("action")}>
              <option value="">Any</option>
              {actions.map((a) => <option value={a}>{a}</option>)}
            </select>
          </label>
          <label class="field"><span class="field-label">Target id</span><input name="target" value={filters.target} onChange={set("target")} maxLength={256} /></label>
          <label class="field"><span class="field-label">From</span><input type="datetime-local" name="from" value={filters.from} onChange={set("from")} /></label>
          <label class="field"><span class="field-label">To</span><input type="datetime-local" name="to" value={filters.to} onChange={set("to")} /></label>
        </form>
        <p class="error" role="alert">{error}</p>
        <table class="report-table" data-testid="audit-table">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>{fullDate(e.at)}</td><td><bdi>{who(e.actorId, e.actorName)}</bdi></td><td>{e.action}</td>
                <td><bdi>{e.targetKind} {e.targetId}</bdi></td><td><bdi>{e.before ?? "—"}</bdi></td><td><bdi>{e.after ?? "—"}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
        {loading && <p class="muted" aria-busy="true">Loading entries…</p>}
        {!loading && entries.length === 0 && !error && (
          <p class="muted empty-hint">
            {filtered
              ? "No entries match these filters. Choose Anyone or Any, clear the target id or widen the period."
              : "Nothing recorded yet. Assignments, status changes, tags, departments, agents and property changes appear here as they happen."}
          </p>
        )}
        {continuation && <Button onClick={() => void load(continuation)} disabled={loading}>Show more</Button>}
      </div>
    </div>
  );
}
