import { useEffect, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { api, errorMessage, ok } from "../api/client";
import type { Department, PropertyView, VisitorBan } from "../api/types";
import { showPane } from "../actions/conversation";
import { loadMe, switchProperty } from "../actions/session";
import { loadTeam } from "../actions/team";
import { isAdmin, propertyId } from "../store/session";
import { agents } from "../store/team";
import { Avatar } from "../ui/Avatar";
import { Button } from "../ui/Button";
import { confirmAction } from "../ui/Dialog";
import { fullDate } from "../ui/RelativeTime";
import { RoutingSection } from "./RoutingSection";
import { SlaSection } from "./SlaSection";

type Run = (action: () => Promise<unknown>) => Promise<boolean>;

/** Settings: the property and its widget snippet (ADM-1), agents with roles and presence (ADM-2), departments (ADM-3), bans (CHAT-4). */
export function SettingsPane() {
  const [property, setProperty] = useState<PropertyView | null>(null);
  const [snippet, setSnippet] = useState("");
  const [departments, setDepartments] = useState<Department[]>([]);
  const [bans, setBans] = useState<VisitorBan[]>([]);
  const [error, setError] = useState("");
  const params = { path: { propertyId: propertyId.value } };
  const load = async () => {
    const [p, s, d, b] = await Promise.all([
      ok(api.GET("/api/v1/properties/{propertyId}", { params })),
      ok(api.GET("/api/v1/properties/{propertyId}/widget", { params })),
      ok(api.GET("/api/v1/properties/{propertyId}/departments", { params })),
      ok(api.GET("/api/v1/properties/{propertyId}/bans", { params })),
    ]);
    setProperty(p);
    setSnippet(s.html);
    setDepartments(d);
    setBans(b);
  };
  useEffect(() => {
    setProperty(null);
    load().catch((e) => setError(`Settings could not be loaded: ${errorMessage(e)}`));
  }, [propertyId.value]);
  const run: Run = async (action) => {
    setError("");
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  const readOnly = !isAdmin.value;
  if (!property) {
    return <div class="settings-scroll">{error ? <p class="error" role="alert">{error}</p> : <p class="muted">Loading…</p>}</div>;
  }
  return (
    <div class="settings-scroll">
      <div class="settings">
        <h2>Settings</h2>
        {readOnly && <p class="muted">Only admins change these settings.</p>}
        <p class="error" role="alert">{error}</p>
        <PropertySection property={property} snippet={snippet} readOnly={readOnly} run={run} reload={load} />
        <AgentsSection readOnly={readOnly} run={run} />
        <DepartmentsSection departments={departments} readOnly={readOnly} run={run} reload={load} />
        <RoutingSection departments={departments} readOnly={readOnly} run={run} />
        <SlaSection readOnly={readOnly} run={run} />
        <BansSection bans={bans} readOnly={readOnly} run={run} reload={load} />
      </div>
    </div>
  );
}

function Card({ label, children }: { label: string; children: ComponentChildren }) {
  return <section class="card" aria-label={label}>{children}</section>;
}

const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();

function PropertySection({ property, snippet, readOnly, run, reload }: { property: PropertyView; snippet: string; readOnly: boolean; run: Run; reload: () => Promise<void> }) {
  const params = { path: { propertyId: property.id } };
  const propertiesChanged = async (show: string) => {
    await loadMe();
    await switchProperty(show);
    showPane({ type: "settings" });
  };
  return (
    <Card label="Property settings">
      <h3 data-testid="property-title"><bdi>{property.name}</bdi> ({property.id})</h3>
      <form class="settings-row" aria-label="Rename property" onSubmit={(e) => {
        e.preventDefault();
        const name = value(e.currentTarget, "name");
        void run(async () => {
          await ok(api.PUT("/api/v1/properties/{propertyId}/name", { params, body: { name } }));
          await propertiesChanged(property.id);
          await reload();
        });
      }}>
        <label class="field">
          <span class="field-label">Property name</span>
          <input name="name" maxLength={100} defaultValue={property.name} disabled={readOnly} key={property.name} />
        </label>
        <Button type="submit" disabled={readOnly}>Rename</Button>
      </form>
      <form class="settings-row" aria-label="Support email" onSubmit={(e) => {
        e.preventDefault();
        const supportEmail = value(e.currentTarget, "support") || null;
        void run(async () => {
          await ok(api.PUT("/api/v1/properties/{propertyId}/support-email", { params, body: { supportEmail } }));
          await reload();
        });
      }}>
        <label class="field">
          <span class="field-label">Support email — mail to it opens tickets here</span>
          <input name="support" type="text" inputMode="email" maxLength={254} placeholder="support@… (none)" data-testid="support-email"
            defaultValue={property.supportEmail ?? ""} disabled={readOnly} key={property.supportEmail ?? ""} />
        </label>
        <Button type="submit" disabled={readOnly}>Save email</Button>
      </form>
      <label class="field">
        <span class="field-label">Widget snippet — paste it into your site's pages</span>
        <textarea readOnly rows={3} data-testid="widget-snippet" value={snippet} />
      </label>
      <div class="settings-row"><Button size="sm" onClick={() => void run(() => navigator.clipboard.writeText(snippet))}>Copy snippet</Button></div>
      <h3>New property</h3>
      <form class="settings-row" aria-label="New property" onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        void run(async () => {
          const created = await ok(api.POST("/api/v1/properties", { body: { id: value(form, "id"), name: value(form, "name"), supportEmail: value(form, "support") || null } }));
          await propertiesChanged(created.id);
        });
      }}>
        <input name="id" aria-label="New property id" placeholder="id (letters, digits, -)" maxLength={40} required />
        <input name="name" aria-label="New property name" placeholder="Name" maxLength={100} required />
        <input name="support" type="email" aria-label="New property support email" placeholder="support@… (optional)" maxLength={254} />
        <Button type="submit" variant="primary">Create property</Button>
      </form>
    </Card>
  );
}

function AgentsSection({ readOnly, run }: { readOnly: boolean; run: Run }) {
  const params = { path: { propertyId: propertyId.value } };
  return (
    <Card label="Agents">
      <h3>Agents</h3>
      <table class="agents" data-testid="agents">
        <thead><tr><th>Name</th><th>Email</th><th>Presence</th><th>Role</th><th><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {agents.value.map((agent) => (
            <tr data-agent-id={agent.id}>
              <td><span class="agent-cell"><Avatar name={agent.name} size={24} presence={agent.presence} /><bdi>{agent.name}</bdi></span></td>
              <td dir="auto">{agent.email}</td>
              <td data-presence={agent.presence}>{agent.presence}</td>
              <td>
                <select aria-label={`Role of ${agent.name}`} value={agent.role} disabled={readOnly} onChange={(e) => {
                  const role = e.currentTarget.value as "Agent" | "Admin";
                  void run(async () => {
                    await ok(api.POST("/api/v1/properties/{propertyId}/agents", { params, body: { email: agent.email, name: agent.name, password: null, role } }));
                    await loadTeam();
                  });
                }}>
                  <option value="Agent">Agent</option>
                  <option value="Admin">Admin</option>
                </select>
              </td>
              <td>
                <Button size="sm" disabled={readOnly} title={`Remove ${agent.name} from this property`} onClick={async () => {
                  if (await confirmAction(`Remove ${agent.name} from this property?`, { message: "They lose access to its conversations at once.", confirm: "Remove", danger: true })) {
                    await run(async () => {
                      await ok(api.DELETE("/api/v1/properties/{propertyId}/agents/{agentId}", { params: { path: { ...params.path, agentId: agent.id } } }));
                      await loadTeam();
                    });
                  }
                }}>Remove</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <form class="settings-row" aria-label="Add agent" onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void run(async () => {
            await ok(api.POST("/api/v1/properties/{propertyId}/agents", {
              params,
              body: { email: value(form, "email"), name: value(form, "name"), password: value(form, "password") || null, role: value(form, "role") as "Agent" | "Admin" },
            }));
            form.reset();
            await loadTeam();
          });
        }}>
          <input name="email" type="email" aria-label="Agent email" placeholder="Email" required maxLength={254} />
          <input name="name" aria-label="Agent name" placeholder="Name" required maxLength={100} />
          <input name="password" type="password" aria-label="Agent password" placeholder="Password (new accounts)" maxLength={128} autocomplete="new-password" />
          <select name="role" aria-label="Agent role"><option value="Agent">Agent</option><option value="Admin">Admin</option></select>
          <Button type="submit" variant="primary">Add agent</Button>
        </form>
      )}
    </Card>
  );
}

function DepartmentsSection({ departments, readOnly, run, reload }: { departments: Department[]; readOnly: boolean; run: Run; reload: () => Promise<void> }) {
  const params = { path: { propertyId: propertyId.value } };
  return (
    <Card label="Departments">
      <h3>Departments</h3>
      <ul class="results" data-testid="departments">
        {departments.length === 0 && <li class="muted">No departments yet.</li>}
        {departments.map((department) => (
          <li>
            <form class="department" aria-label={`Department ${department.name}`} onSubmit={(e) => {
              e.preventDefault();
              const ids = [...e.currentTarget.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map((b) => b.value);
              void run(async () => {
                await ok(api.PUT("/api/v1/properties/{propertyId}/departments/{departmentId}/members", { params: { path: { ...params.path, departmentId: department.id } }, body: { agentIds: ids } }));
                await reload();
                await loadTeam();
              });
            }}>
              <strong dir="auto">{department.name}</strong>
              {agents.value.map((agent) => (
                <label class="member">
                  <input type="checkbox" value={agent.id} aria-label={`${agent.name} in ${department.name}`} defaultChecked={department.members.includes(agent.id)} disabled={readOnly} />{" "}
                  <bdi>{agent.name}</bdi>
                </label>
              ))}
              <Button type="submit" size="sm" disabled={readOnly}>Save members</Button>
            </form>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form class="settings-row" aria-label="New department" onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void run(async () => {
            await ok(api.POST("/api/v1/properties/{propertyId}/departments", { params, body: { name: value(form, "name") } }));
            form.reset();
            await reload();
            await loadTeam();
          });
        }}>
          <input name="name" aria-label="New department name" placeholder="Department name" required maxLength={100} />
          <Button type="submit" variant="primary">Create department</Button>
        </form>
      )}
    </Card>
  );
}

/** The property's ban list (CHAT-4, BIN-3): who, why, when, and Unban. */
function BansSection({ bans, readOnly, run, reload }: { bans: VisitorBan[]; readOnly: boolean; run: Run; reload: () => Promise<void> }) {
  return (
    <Card label="Bans">
      <h3>Banned visitors</h3>
      {bans.length === 0 ? <p class="muted">Nobody is banned.</p> : (
        <table class="agents" data-testid="bans">
          <thead><tr><th>Visitor</th><th>IP</th><th>Reason</th><th>Since</th><th><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {bans.map((ban) => (
              <tr>
                <td><code>{ban.visitorId.slice(0, 12)}</code></td>
                <td>{ban.ip ?? "—"}</td>
                <td dir="auto">{ban.reason ?? "—"}</td>
                <td>{fullDate(ban.at)}</td>
                <td>
                  <Button size="sm" disabled={readOnly} onClick={() => void run(async () => {
                    await ok(api.DELETE("/api/v1/properties/{propertyId}/bans/{visitorId}", { params: { path: { propertyId: propertyId.value, visitorId: ban.visitorId } } }));
                    await reload();
                  })}>Unban</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
