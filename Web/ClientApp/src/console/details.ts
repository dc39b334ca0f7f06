import { api, propertyPath } from "./api";
import { busy, h } from "../shared/dom";

interface VisitorProfile {
  visitorId: string;
  about: { name: string | null; email: string | null; phone: string | null; jobTitle: string | null; tags: string[] };
  social: { facebook: string | null; linkedIn: string | null; twitter: string | null; instagram: string | null };
  dates: { createdAt: string; updatedAt: string; firstSeenAt: string; lastSeenAt: string };
  location: { country: string | null; region: string | null; city: string | null } | null;
  device: { os: string; browser: string; kind: string } | null;
  lastIp: string | null;
  sessions: { firstSessionAt: string | null; latestSessionAt: string | null; totalSessions: number; pageViews: number; timeInChat: string };
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
  return h("div", { class: "field" }, h("dt", {}, label), h("dd", {}, value || "—"));
}

function editable(label: string, value: string | null, type = "text"): HTMLInputElement {
  const input = h("input", { type, "aria-label": label, placeholder: label, maxlength: "254" });
  input.value = value ?? "";
  return input;
}

/** The Details tab of a chat or ticket: About, Social Media, More Info and the web sessions (VIS-1..3, CHAT-5). */
export async function renderDetails(body: HTMLElement, propertyId: string, visitorId: string): Promise<void> {
  const base = `${propertyPath(propertyId)}/visitors/${encodeURIComponent(visitorId)}`;
  const error = h("p", { class: "error", role: "alert" });
  const profile = await api<VisitorProfile>("GET", base);

  const about = { name: editable("Name", profile.about.name), email: editable("Email", profile.about.email, "email"),
    phone: editable("Phone", profile.about.phone, "tel"), jobTitle: editable("Job title", profile.about.jobTitle) };
  const saveAbout = h("button", { type: "submit" }, "Save");
  const aboutForm = h("form", { class: "profile-form", "aria-label": "About" }, h("h3", {}, "About"), ...Object.values(about), saveAbout);
  aboutForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(saveAbout, error, () => api("PATCH", `${base}/about`, Object.fromEntries(Object.entries(about).map(([k, v]) => [k, v.value.trim() || null]))));
  });

  const social = { facebook: editable("Facebook", profile.social.facebook, "url"), linkedIn: editable("LinkedIn", profile.social.linkedIn, "url"),
    twitter: editable("Twitter", profile.social.twitter, "url"), instagram: editable("Instagram", profile.social.instagram, "url") };
  const saveSocial = h("button", { type: "submit" }, "Save");
  const socialForm = h("form", { class: "profile-form", "aria-label": "Social media" }, h("h3", {}, "Social Media"), ...Object.values(social), saveSocial);
  socialForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(saveSocial, error, () => api("PUT", `${base}/social`, Object.fromEntries(Object.entries(social).map(([k, v]) => [k, v.value.trim() || null]))));
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

  const views = await api<PageView[]>("GET", `${base}/page-views?limit=20`);
  const timeline = h("ol", { class: "timeline", "data-testid": "web-sessions" },
    ...(views.length === 0 ? [h("li", { class: "muted" }, "No page views yet.")]
      : views.map((v) => h("li", {}, h("span", { class: "muted" }, new Date(v.at).toLocaleTimeString()), " ", v.title || v.url, h("br", {}), h("small", {}, v.url)))));

  body.replaceChildren(error, aboutForm, socialForm, h("h3", {}, "More Info"), moreInfo, h("h3", {}, "Web Sessions"), timeline);
}

/** The History tab: the visitor's conversations (VIS-5), each opening in the pane. */
export async function renderHistory(body: HTMLElement, propertyId: string, visitorId: string, open: (kind: "chat" | "ticket", id: string) => void): Promise<void> {
  const links = await api<ConversationLink[]>("GET", `${propertyPath(propertyId)}/visitors/${encodeURIComponent(visitorId)}/history`);
  body.replaceChildren(h("ul", { class: "results", "data-testid": "history" },
    ...(links.length === 0 ? [h("li", { class: "muted" }, "No earlier conversations.")]
      : links.map((link) => {
          const button = h("button", { type: "button", class: "link" }, `${link.kind} · ${link.status} · ${when(link.startedAt)}`);
          button.addEventListener("click", () => open(link.kind === "Chat" ? "chat" : "ticket", link.conversationId));
          return h("li", {}, button);
        }))));
}
