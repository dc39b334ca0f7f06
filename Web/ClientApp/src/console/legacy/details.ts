import { api, propertyPath } from "./api";
import { bdi, busy, h, option } from "../../shared/dom";

interface VisitorProfile {
  visitorId: string;
  about: { name: string | null; email: string | null; phone: string | null; jobTitle: string | null; userId: string | null; tags: string[] };
  attributes: { name: string; type: "Text" | "Number" | "Date" | "Bool"; value: string }[];
  organizationId: string | null;
  social: { facebook: string | null; linkedIn: string | null; twitter: string | null; instagram: string | null };
  dates: { createdAt: string; updatedAt: string; firstSeenAt: string; lastSeenAt: string };
  location: { country: string | null; region: string | null; city: string | null } | null;
  device: { os: string; browser: string; kind: string } | null;
  lastIp: string | null;
  sessions: { firstSessionAt: string | null; latestSessionAt: string | null; totalSessions: number; pageViews: number; timeInChat: string };
}

interface Organization {
  organizationId: string;
  name: string;
  domain: string | null;
  notes?: string | null;
}

interface PageView {
  url: string;
  title: string | null;
  at: string;
}

interface ConversationLink {
  conversationId: string;
  kind: "Chat" | "Ticket";
  status: string;
  startedAt: string;
}

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : "—");

function field(label: string, value: string | null | undefined): HTMLElement {
  return h("div", { class: "field" }, h("dt", {}, label), h("dd", { dir: "auto" }, value || "—"));
}

function editable(label: string, value: string | null, type = "text"): HTMLInputElement {
  const input = h("input", { type, "aria-label": label, placeholder: label, maxlength: "254" });
  input.value = value ?? "";
  return input;
}

/** The Details tab of a chat or ticket: About with tags and attributes, Social Media, Organization, More Info and the web sessions (VIS-1..4, VIS-6, CHAT-5). */
export async function renderDetails(body: HTMLElement, propertyId: string, visitorId: string): Promise<void> {
  const base = `${propertyPath(propertyId)}/visitors/${encodeURIComponent(visitorId)}`;
  const error = h("p", { class: "error", role: "alert" });
  const [profile, views] = await Promise.all([api<VisitorProfile>("GET", base), api<PageView[]>("GET", `${base}/page-views?limit=20`)]);
  const rerender = () => renderDetails(body, propertyId, visitorId);

  const about = { name: editable("Name", profile.about.name), email: editable("Email", profile.about.email, "email"),
    phone: editable("Phone", profile.about.phone, "tel"), jobTitle: editable("Job title", profile.about.jobTitle) };
  const tags = editable("Visitor tags", profile.about.tags.join(", "));
  tags.placeholder = "Tags (a, b)";
  const saveAbout = h("button", { type: "submit" }, "Save");
  const aboutForm = h("form", { class: "profile-form", "aria-label": "About" }, h("h3", {}, "About"), ...Object.values(about), tags,
    h("p", { class: "tags", "data-testid": "visitor-tags" }, ...profile.about.tags.map((t) => h("span", { class: "tag", dir: "auto" }, t))), saveAbout);
  aboutForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(saveAbout, error, async () => {
      const fields = Object.fromEntries(Object.entries(about).map(([k, v]) => [k, v.value.trim()]));
      const tagList = tags.value.split(",").map((t) => t.trim()).filter(Boolean);
      await api("PATCH", `${base}/about`, { ...fields, tags: tagList });
      await rerender();
    });
  });

  const social = { facebook: editable("Facebook", profile.social.facebook, "url"), linkedIn: editable("LinkedIn", profile.social.linkedIn, "url"),
    twitter: editable("Twitter", profile.social.twitter, "url"), instagram: editable("Instagram", profile.social.instagram, "url") };
  const saveSocial = h("button", { type: "submit" }, "Save");
  const socialLinks = h("p", { class: "social-links", "data-testid": "social-links" },
    ...Object.entries(profile.social).filter(([, url]) => url).map(([name, url]) => h("a", { href: url!, target: "_blank", rel: "noopener noreferrer" }, name)));
  const socialForm = h("form", { class: "profile-form", "aria-label": "Social media" }, h("h3", {}, "Social Media"), socialLinks, ...Object.values(social), saveSocial);
  socialForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(saveSocial, error, async () => {
      await api("PUT", `${base}/social`, Object.fromEntries(Object.entries(social).map(([k, v]) => [k, v.value.trim() || null])));
      await rerender();
    });
  });

  const location = profile.location ? [profile.location.city, profile.location.region, profile.location.country].filter(Boolean).join(", ") : null;
  const moreInfo = h("dl", { class: "more-info", "data-testid": "more-info" },
    field("Location", location), field("IP", profile.lastIp),
    field("Device", profile.device ? `${profile.device.os} · ${profile.device.browser} · ${profile.device.kind}` : null),
    field("First seen", when(profile.dates.firstSeenAt)), field("Last seen", when(profile.dates.lastSeenAt)),
    field("Created", when(profile.dates.createdAt)), field("Updated", when(profile.dates.updatedAt)),
    field("Sessions", String(profile.sessions.totalSessions)), field("Page views", String(profile.sessions.pageViews)),
    field("First session", when(profile.sessions.firstSessionAt)), field("Latest session", when(profile.sessions.latestSessionAt)),
    field("Time in chat", profile.sessions.timeInChat));

  body.replaceChildren(error, aboutForm, attributesForm(profile, base, error, rerender), socialForm,
    await organizationSection(profile, propertyId, base, error, rerender),
    h("h3", {}, "More Info"), moreInfo, h("h3", {}, "Web Sessions"), timeline(views));
}

function timeline(views: PageView[]): HTMLElement {
  return h("ol", { class: "timeline", "data-testid": "web-sessions" },
    ...(views.length === 0 ? [h("li", { class: "muted" }, "No page views yet.")]
      : views.map((v) => h("li", {}, h("span", { class: "muted" }, new Date(v.at).toLocaleString()), " ", bdi(v.title || v.url), h("br", {}), h("small", { dir: "auto" }, v.url)))));
}

/** Add Attribute (VIS-1): a User ID or a custom attribute with a type. */
function attributesForm(profile: VisitorProfile, base: string, error: HTMLElement, rerender: () => Promise<void>): HTMLElement {
  const list = h("dl", { class: "more-info", "data-testid": "attributes" },
    ...(profile.about.userId ? [field("User ID", profile.about.userId)] : []),
    ...profile.attributes.map((a) => {
      const remove = h("button", { type: "button", class: "link", title: `Remove ${a.name}` }, "×");
      remove.addEventListener("click", () => void busy(remove, error, async () => {
        await api("DELETE", `${base}/attributes/${encodeURIComponent(a.name)}`);
        await rerender();
      }));
      return h("div", { class: "field" }, h("dt", { dir: "auto" }, a.name), h("dd", {}, bdi(a.value), " ", remove));
    }));
  const kind = h("select", { "aria-label": "Attribute type" },
    option("UserId", "User ID"), option("Text", "Text"), option("Number", "Number"), option("Date", "Date"), option("Bool", "Yes/no"));
  const name = h("input", { "aria-label": "Attribute name", placeholder: "Attribute name", maxlength: "64", hidden: true });
  const value = h("input", { "aria-label": "Attribute value", placeholder: "Value", maxlength: "254" });
  kind.addEventListener("change", () => {
    name.hidden = kind.value === "UserId";
    value.type = kind.value === "Date" ? "date" : kind.value === "Number" ? "number" : "text";
    value.placeholder = kind.value === "Bool" ? "true or false" : "Value";
  });
  const add = h("button", { type: "submit" }, "Add Attribute");
  const form = h("form", { class: "profile-form", "aria-label": "Attributes" }, list, kind, name, value, add);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(add, error, async () => {
      await (kind.value === "UserId"
        ? api("PATCH", `${base}/about`, { userId: value.value.trim() })
        : api("PUT", `${base}/attributes`, { name: name.value.trim(), type: kind.value, value: value.value.trim() }));
      await rerender();
    });
  });
  return form;
}

/** Organization (VIS-4): the linked one with its contacts, or link an existing one, or create a new one. */
async function organizationSection(
  profile: VisitorProfile, propertyId: string, base: string, error: HTMLElement, rerender: () => Promise<void>,
): Promise<HTMLElement> {
  const organizations = `${propertyPath(propertyId)}/organizations`;
  const link = (organizationId: string | null) => api("PUT", `${base}/organization`, { organizationId });
  const section = h("section", { class: "profile-form", "aria-label": "Organization", "data-testid": "organization" }, h("h3", {}, "Organization"));
  if (profile.organizationId) {
    const id = encodeURIComponent(profile.organizationId);
    const [organization, contacts] = await Promise.all([
      api<Organization>("GET", `${organizations}/${id}`),
      api<VisitorProfile[]>("GET", `${organizations}/${id}/contacts`),
    ]);
    const unlink = h("button", { type: "button" }, "Unlink");
    unlink.addEventListener("click", () => void busy(unlink, error, async () => {
      await link(null);
      await rerender();
    }));
    section.append(h("strong", { dir: "auto" }, organization.name), h("span", { class: "muted", dir: "auto" }, organization.domain ?? ""),
      ...(organization.notes ? [h("p", { dir: "auto" }, organization.notes)] : []),
      h("span", { class: "muted" }, `Contacts (${contacts.length})`),
      h("ul", { class: "results", "data-testid": "organization-contacts" },
        ...contacts.map((c) => h("li", { dir: "auto" }, c.about.name || c.about.email || c.visitorId))),
      unlink);
    return section;
  }

  const existing = await api<Organization[]>("GET", organizations);
  const picker = h("select", { "aria-label": "Existing organization" },
    option("", existing.length ? "Choose an organization…" : "No organizations yet"), ...existing.map((o) => option(o.organizationId, o.name)));
  const linkButton = h("button", { type: "button" }, "Link");
  linkButton.addEventListener("click", () => void busy(linkButton, error, async () => {
    if (picker.value) {
      await link(picker.value);
      await rerender();
    }
  }));
  const name = h("input", { "aria-label": "Organization name", placeholder: "Organization name", maxlength: "200" });
  const domain = h("input", { "aria-label": "Organization domain", placeholder: "Domain (example.com)", maxlength: "253" });
  const notes = h("textarea", { "aria-label": "Organization notes", placeholder: "Notes", maxlength: "4000", rows: "2" });
  const create = h("button", { type: "submit" }, "Create organization");
  const form = h("form", { class: "profile-form", "aria-label": "New organization" }, name, domain, notes, create);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(create, error, async () => {
      const created = await api<Organization>("POST", organizations, { name: name.value.trim(), domain: domain.value.trim() || null, notes: notes.value.trim() || null });
      await link(created.organizationId);
      await rerender();
    });
  });
  section.append(h("div", { class: "tag-bar" }, picker, linkButton), form);
  return section;
}

/** The chat's session info pane (CHAT-5): Info (location, IP, platform, duration) and Web Sessions, closed with X. */
export async function renderSessionInfo(
  pane: HTMLElement, propertyId: string, chat: { visitorId: string; createdAt: string; updatedAt: string; status: string }, close: () => void,
): Promise<void> {
  const base = `${propertyPath(propertyId)}/visitors/${encodeURIComponent(chat.visitorId)}`;
  const [profile, views] = await Promise.all([api<VisitorProfile>("GET", base), api<PageView[]>("GET", `${base}/page-views?limit=50`)]);
  const location = profile.location ? [profile.location.city, profile.location.region, profile.location.country].filter(Boolean).join(", ") : null;
  const end = chat.status === "Closed" ? new Date(chat.updatedAt).getTime() : Date.now();
  const minutes = Math.max(0, Math.round((end - new Date(chat.createdAt).getTime()) / 60_000));
  const info = h("dl", { class: "more-info", "data-testid": "session-info" },
    field("Location", location), field("IP", profile.lastIp),
    field("OS", profile.device?.os), field("Browser", profile.device?.browser), field("Device", profile.device?.kind),
    field("Duration", minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`));
  const sessions = timeline(views);
  sessions.hidden = true;
  const tab = (label: string, shows: HTMLElement, other: HTMLElement, selected: boolean) => {
    const button = h("button", { type: "button", role: "tab", "aria-selected": String(selected) }, label);
    button.addEventListener("click", () => {
      shows.hidden = false;
      other.hidden = true;
      button.parentElement!.querySelectorAll("[role=tab]").forEach((b) => b.setAttribute("aria-selected", String(b === button)));
    });
    return button;
  };
  const x = h("button", { type: "button", class: "close", "aria-label": "Close session info", title: "Close" }, "×");
  x.addEventListener("click", close);
  pane.replaceChildren(h("div", { class: "session-tabs" }, h("div", { role: "tablist", class: "tabs" },
    tab("Info", info, sessions, true), tab("Web Sessions", sessions, info, false)), x), info, sessions);
}

/** A recent conversation of the property, as the inbox lists it. */
interface RecentConversation {
  id: string;
  kind: "Chat" | "Ticket";
  status: string;
  title: string;
  updatedAt: string;
}

/**
 * The History tab (VIS-5): two tabs, Visitor (this visitor's chats and tickets; needs an open conversation with a
 * known visitor) and Property (the property's most recently updated conversations); every entry opens its conversation.
 */
export function renderHistory(body: HTMLElement, propertyId: string, visitorId: string | null, open: (kind: "chat" | "ticket", id: string) => void): Promise<void> {
  const list = h("div", { class: "history-list" });
  const error = h("p", { class: "error", role: "alert" });
  const entry = (kind: string, id: string, ...label: (string | Node)[]) => {
    const button = h("button", { type: "button", class: "link" }, ...label);
    button.addEventListener("click", () => open(kind === "Chat" ? "chat" : "ticket", id));
    return h("li", {}, button);
  };
  const show = async (which: "visitor" | "property") => {
    tabs.forEach((t) => t.setAttribute("aria-selected", String(t.dataset.which === which)));
    list.replaceChildren(h("p", { class: "muted" }, "Loading…"));
    if (which === "visitor") {
      if (!visitorId) {
        list.replaceChildren(h("p", { class: "muted" }, "Open a conversation with a known visitor to see their history."));
        return;
      }
      const links = await api<ConversationLink[]>("GET", `${propertyPath(propertyId)}/visitors/${encodeURIComponent(visitorId)}/history`);
      list.replaceChildren(h("ul", { class: "results", "data-testid": "history" },
        ...(links.length === 0 ? [h("li", { class: "muted" }, "No earlier conversations.")]
          : links.map((link) => entry(link.kind, link.conversationId, `${link.kind} · ${link.status} · ${when(link.startedAt)}`)))));
      return;
    }
    const page = await api<{ rows: RecentConversation[] }>("GET", `${propertyPath(propertyId)}/inbox?view=all&sort=updated&limit=20`);
    list.replaceChildren(h("ul", { class: "results", "data-testid": "property-history" },
      ...(page.rows.length === 0 ? [h("li", { class: "muted" }, "No conversations yet.")]
        : page.rows.map((row) => entry(row.kind, row.id, `${row.kind} · ${row.status} · `, bdi(row.title), ` · ${when(row.updatedAt)}`)))));
  };
  const tabs = (["visitor", "property"] as const).map((which) => {
    const button = h("button", { type: "button", role: "tab", "data-which": which }, which === "visitor" ? "Visitor" : "Property");
    button.addEventListener("click", () => void busy(null, error, () => show(which)));
    return button;
  });
  body.replaceChildren(h("div", { role: "tablist", class: "tabs history-tabs", "aria-label": "History" }, ...tabs), error, list);
  return show(visitorId ? "visitor" : "property");
}
