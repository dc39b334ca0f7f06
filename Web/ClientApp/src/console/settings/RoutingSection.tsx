import { useEffect, useState } from "preact/hooks";
import { api, ok } from "../api/client";
import type { Department, RoutingView } from "../api/types";
import { propertyId } from "../store/session";
import { agents } from "../store/team";
import { Button } from "../ui/Button";

type Run = (action: () => Promise<unknown>) => Promise<boolean>;

const number = (form: HTMLFormElement, name: string) => Number((form.elements.namedItem(name) as HTMLInputElement).value);

/**
 * RTE-1: auto-assignment on or off, default capacities, the wait before an unanswered chat goes to the next agent, departments
 * left to their members, and each agent's own capacities next to their load now.
 */
export function RoutingSection({ departments, readOnly, run }: { departments: Department[]; readOnly: boolean; run: Run }) {
  const [routing, setRouting] = useState<RoutingView | null>(null);
  const [saved, setSaved] = useState(false);
  const params = { path: { propertyId: propertyId.value } };
  const load = async () => setRouting(await ok(api.GET("/api/v1/properties/{propertyId}/routing", { params })));
  useEffect(() => void run(load), [propertyId.value]);
  if (!routing) {
    return null;
  }
  const s = routing.settings;
  const name = (id: string) => agents.value.find((a) => a.id === id)?.name ?? id.slice(0, 8);
  return (
    <section class="card" aria-label="Auto-assignment">
      <h3>Auto-assignment</h3>
      <p class="muted">
        New chats (at the visitor's first message) and tickets go round robin to online agents with room; a chat handed to a department goes to
        its online members. Beyond everyone's capacity they wait in a queue, and the visitor sees their place. {routing.waiting} waiting now.
      </p>
      <form aria-label="Auto-assignment settings" key={JSON.stringify(s)} onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const manual = [...form.querySelectorAll<HTMLInputElement>("input[name=manual]:checked")].map((b) => b.value);
        setSaved(false);
        void run(async () => {
          setRouting(await ok(api.PUT("/api/v1/properties/{propertyId}/routing", {
            params,
            body: {
              enabled: (form.elements.namedItem("enabled") as HTMLInputElement).checked,
              defaultChatCapacity: number(form, "chats"),
              defaultTicketCapacity: number(form, "tickets"),
              reassignAfterSeconds: Math.round(number(form, "reassign") * 60),
              manualDepartments: manual,
            },
          })));
          setSaved(true);
        });
      }}>
        <div class="settings-grid">
          <label class="toggle"><input type="checkbox" name="enabled" defaultChecked={s.enabled} disabled={readOnly} /> <span>Assign automatically</span></label>
          <label class="field"><span class="field-label">Chats per agent</span><input name="chats" type="number" min={0} max={100} defaultValue={String(s.defaultChatCapacity)} disabled={readOnly} /></label>
          <label class="field"><span class="field-label">Tickets per agent</span><input name="tickets" type="number" min={0} max={100} defaultValue={String(s.defaultTicketCapacity)} disabled={readOnly} /></label>
          <label class="field">
            <span class="field-label">Pass an unanswered chat on after (minutes, 0 = never)</span>
            <input name="reassign" type="number" min={0} max={1440} step="any" defaultValue={String(s.reassignAfterSeconds / 60)} disabled={readOnly} />
          </label>
        </div>
        {departments.length > 0 && (
          <fieldset class="field">
            <legend class="field-label">Departments whose members pick conversations up themselves</legend>
            {departments.map((d) => (
              <label class="member"><input type="checkbox" name="manual" value={d.id} defaultChecked={s.manualDepartments.includes(d.id)} disabled={readOnly} /> <bdi>{d.name}</bdi></label>
            ))}
          </fieldset>
        )}
        <div class="settings-row"><Button type="submit" disabled={readOnly}>Save auto-assignment</Button><span role="status" class="muted">{saved ? "Saved." : ""}</span></div>
      </form>
      <table class="agents" data-testid="routing-agents">
        <thead><tr><th>Agent</th><th>Online</th><th>Chats</th><th>Tickets</th><th><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {routing.agents.map((agent) => (
            <tr data-agent-id={agent.agentId}>
              <td><bdi>{name(agent.agentId)}</bdi></td>
              <td>{agent.online ? "Online" : "—"}</td>
              <td>{agent.chats} of <input type="number" min={0} max={100} form={`capacity-${agent.agentId}`} name="chats" aria-label={`Chat capacity of ${name(agent.agentId)}`} defaultValue={String(agent.chatCapacity)} disabled={readOnly} key={agent.chatCapacity} /></td>
              <td>{agent.tickets} of <input type="number" min={0} max={100} form={`capacity-${agent.agentId}`} name="tickets" aria-label={`Ticket capacity of ${name(agent.agentId)}`} defaultValue={String(agent.ticketCapacity)} disabled={readOnly} key={agent.ticketCapacity} /></td>
              <td>
                <form id={`capacity-${agent.agentId}`} aria-label={`Capacity of ${name(agent.agentId)}`} onSubmit={(e) => {
                  e.preventDefault();
                  const form = e.currentTarget;
                  void run(async () => {
                    setRouting(await ok(api.PUT("/api/v1/properties/{propertyId}/routing/agents/{agentId}", {
                      params: { path: { ...params.path, agentId: agent.agentId } },
                      body: { chats: number(form, "chats"), tickets: number(form, "tickets") },
                    })));
                  });
                }}>
                  <Button type="submit" size="sm" disabled={readOnly}>Save</Button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
