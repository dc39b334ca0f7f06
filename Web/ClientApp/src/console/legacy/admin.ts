import { api, propertyPath } from "./api";
import { bdi, busy, h, option } from "../../shared/dom";
import { confirmAction } from "../ui/Dialog";
import type { PropertyAgent } from "./types";

interface PropertyView {
  id: string;
  name: string;
  widgetKey: string;
  supportEmail: string | null;
}

interface DepartmentView {
  id: string;
  name: string;
  members: string[];
}

/** What the settings screen needs from the console. */
export interface AdminContext {
  propertyId: string;
  isAdmin: boolean;
  /** A property was created or renamed: the console reloads its memberships and shows it. */
  propertiesChanged(show: string): Promise<void>;
  /** Agents or departments changed: the console reloads its assignee lists. */
  teamChanged(): Promise<void>;
}

/** The settings screen: the property and its widget snippet (ADM-1), agents with presence (ADM-2), departments (ADM-3). */
export async function renderSettings(pane: HTMLElement, ctx: AdminContext): Promise<void> {
  const base = propertyPath(ctx.propertyId);
  const error = h("p", { class: "error", role: "alert" });
  const [property, snippet, agents, departments] = await Promise.all([
    api<PropertyView>("GET", base),
    api<{ html: string }>("GET", `${base}/widget`),
    api<PropertyAgent[]>("GET", `${base}/agents`),
    api<DepartmentView[]>("GET", `${base}/departments`),
  ]);
  const rerender = () => renderSettings(pane, ctx);
  const adminOnly = !ctx.isAdmin;

  // ADM-1: the property.
  const name = h("input", { "aria-label": "Property name", maxlength: "100", disabled: adminOnly });
  name.value = property.name;
  const rename = h("button", { type: "submit", disabled: adminOnly }, "Rename");
  const renameForm = h("form", { class: "settings-row", "aria-label": "Rename property" }, name, rename);
  renameForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(rename, error, async () => {
      await api("PUT", `${base}/name`, { name: name.value.trim() });
      await ctx.propertiesChanged(ctx.propertyId);
    });
  });
  const snippetBox = h("textarea", { readonly: true, rows: "3", "aria-label": "Widget snippet", "data-testid": "widget-snippet" });
  snippetBox.value = snippet.html;
  const copy = h("button", { type: "button" }, "Copy snippet");
  copy.addEventListener("click", () => void busy(copy, error, () => navigator.clipboard.writeText(snippet.html)));

  const newId = h("input", { "aria-label": "New property id", placeholder: "id (letters, digits, -)", maxlength: "40", required: true });
  const newName = h("input", { "aria-label": "New property name", placeholder: "Name", maxlength: "100", required: true });
  const newSupport = h("input", { type: "email", "aria-label": "New property support email", placeholder: "support@… (optional)", maxlength: "254" });
  const create = h("button", { type: "submit" }, "Create property");
  const createForm = h("form", { class: "settings-row", "aria-label": "New property" }, newId, newName, newSupport, create);
  createForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(create, error, async () => {
      const created = await api<PropertyView>("POST", "/api/v1/properties",
        { id: newId.value.trim(), name: newName.value.trim(), supportEmail: newSupport.value.trim() || null });
      await ctx.propertiesChanged(created.id);
    });
  });

  // ADM-2: agents, their roles and presence.
  const agentRows = agents.map((agent) => {
    const role = h("select", { "aria-label": `Role of ${agent.name}`, disabled: adminOnly },
      option("Agent", "Agent", agent.role === "Agent"), option("Admin", "Admin", agent.role === "Admin"));
    role.addEventListener("change", () => void busy(null, error, async () => {
      await api("POST", `${base}/agents`, { email: agent.email, name: agent.name, role: role.value });
      await rerender();
    }));
    const remove = h("button", { type: "button", disabled: adminOnly, title: `Remove ${agent.name} from this property` }, "Remove");
    remove.addEventListener("click", async () => {
      if (await confirmAction(`Remove ${agent.name} from this property?`, { message: "They lose access to its conversations at once.", confirm: "Remove", danger: true })) {
        void busy(remove, error, async () => {
          await api("DELETE", `${base}/agents/${agent.id}`);
          await ctx.teamChanged();
          await rerender();
        });
      }
    });
    return h("tr", { "data-agent-id": agent.id },
      h("td", {}, presenceDot(agent.presence), bdi(agent.name)), h("td", { dir: "auto" }, agent.email), h("td", { "data-presence": agent.presence }, agent.presence),
      h("td", {}, role), h("td", {}, remove));
  });
  const agentEmail = h("input", { type: "email", "aria-label": "Agent email", placeholder: "Email", required: true, maxlength: "254" });
  const agentName = h("input", { "aria-label": "Agent name", placeholder: "Name", required: true, maxlength: "100" });
  const agentPassword = h("input", { type: "password", "aria-label": "Agent password", placeholder: "Password (new accounts)", maxlength: "128", autocomplete: "new-password" });
  const agentRole = h("select", { "aria-label": "Agent role" }, option("Agent", "Agent"), option("Admin", "Admin"));
  const addAgent = h("button", { type: "submit" }, "Add agent");
  const agentForm = h("form", { class: "settings-row", "aria-label": "Add agent", hidden: adminOnly }, agentEmail, agentName, agentPassword, agentRole, addAgent);
  agentForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(addAgent, error, async () => {
      await api("POST", `${base}/agents`, { email: agentEmail.value.trim(), name: agentName.value.trim(), password: agentPassword.value || null, role: agentRole.value });
      await ctx.teamChanged();
      await rerender();
    });
  });

  // ADM-3: departments and their members.
  const departmentItems = departments.map((department) => {
    const members = agents.map((agent) => {
      const box = h("input", { type: "checkbox", "aria-label": `${agent.name} in ${department.name}`, disabled: adminOnly });
      box.checked = department.members.includes(agent.id);
      box.dataset.agentId = agent.id;
      return h("label", { class: "member" }, box, " ", bdi(agent.name));
    });
    const save = h("button", { type: "submit", disabled: adminOnly }, "Save members");
    const form = h("form", { class: "department", "aria-label": `Department ${department.name}` }, h("strong", { dir: "auto" }, department.name), ...members, save);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const ids = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map((b) => b.dataset.agentId);
      void busy(save, error, async () => {
        await api("PUT", `${base}/departments/${department.id}/members`, { agentIds: ids });
        await rerender();
      });
    });
    return h("li", {}, form);
  });
  const departmentName = h("input", { "aria-label": "New department name", placeholder: "Department name", required: true, maxlength: "100" });
  const addDepartment = h("button", { type: "submit" }, "Create department");
  const departmentForm = h("form", { class: "settings-row", "aria-label": "New department", hidden: adminOnly }, departmentName, addDepartment);
  departmentForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(addDepartment, error, async () => {
      await api("POST", `${base}/departments`, { name: departmentName.value.trim() });
      await ctx.teamChanged();
      await rerender();
    });
  });

  pane.replaceChildren(h("div", { class: "settings" },
    h("h2", {}, "Settings"), adminOnly ? h("p", { class: "muted" }, "Only admins change these settings.") : null, error,
    h("section", { "aria-label": "Property settings" }, h("h3", { "data-testid": "property-title" }, bdi(property.name), ` (${property.id})`), renameForm,
      h("p", {}, "Support email: ", h("strong", { "data-testid": "support-email", dir: "auto" }, property.supportEmail ?? "—")),
      h("label", { class: "muted" }, "Widget snippet — paste it into your site's pages"), snippetBox, copy,
      h("h3", {}, "New property"), createForm),
    h("section", { "aria-label": "Agents" }, h("h3", {}, "Agents"),
      h("table", { class: "agents", "data-testid": "agents" },
        h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Email"), h("th", {}, "Presence"), h("th", {}, "Role"), h("th", {}))),
        h("tbody", {}, ...agentRows)),
      agentForm),
    h("section", { "aria-label": "Departments" }, h("h3", {}, "Departments"),
      h("ul", { class: "results", "data-testid": "departments" },
        ...(departmentItems.length ? departmentItems : [h("li", { class: "muted" }, "No departments yet.")])),
      departmentForm)));
}

export function presenceDot(presence: string): HTMLElement {
  return h("span", { class: `presence-dot ${presence.toLowerCase()}`, "aria-hidden": "true" });
}
