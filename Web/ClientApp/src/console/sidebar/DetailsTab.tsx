import { useEffect, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { api, errorMessage, ok } from "../api/client";
import type { OrganizationView, PageView, VisitorProfile } from "../api/types";
import { propertyId } from "../store/session";
import { Button } from "../ui/Button";
import { fullDate } from "../ui/RelativeTime";
import { PageViews } from "../conversation/SessionInfo";
import { InfoList } from "./InfoList";

type Attribute = "Text" | "Number" | "Date" | "Bool";

const visitorPath = (visitorId: string) => ({ path: { propertyId: propertyId.value, visitorId } });

/**
 * The visitor's Details (VIS-1..4, VIS-6): About (editable in place, with tags and attributes), Social, Organization and
 * More info with the web sessions. Each field shows its label beside its value; a click on the value edits it.
 */
export function DetailsTab({ visitorId }: { visitorId: string }) {
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [views, setViews] = useState<PageView[]>([]);
  const [error, setError] = useState("");
  const load = async () => {
    const [p, v] = await Promise.all([
      ok(api.GET("/api/v1/properties/{propertyId}/visitors/{visitorId}", { params: visitorPath(visitorId) })),
      ok(api.GET("/api/v1/properties/{propertyId}/visitors/{visitorId}/page-views", { params: { ...visitorPath(visitorId), query: { limit: 20 } } })),
    ]);
    setProfile(p);
    setViews(v);
  };
  useEffect(() => {
    setProfile(null);
    load().catch((e) => setError(errorMessage(e)));
  }, [visitorId]);
  /** Runs a change, then shows the profile as the server keeps it; a refusal is said above the sections. */
  const change = async (action: () => Promise<unknown>) => {
    setError("");
    try {
      await action();
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (!profile) {
    return <>{error ? <p class="error" role="alert">{error}</p> : <p class="muted">Loading…</p>}</>;
  }
  return (
    <div class="details">
      <p class="error" role="alert">{error}</p>
      <About profile={profile} change={change} />
      <Social profile={profile} change={change} />
      <Organization profile={profile} change={change} />
      <Section title="More info">
        <MoreInfo profile={profile} />
        <h4>Web sessions</h4>
        <PageViews views={views} />
      </Section>
    </div>
  );
}

/** An input type chosen at run time (Preact's input types are told apart by a literal type). */
const typed = (type: string) => ({ type }) as { type: "text" };

type Change = (action: () => Promise<unknown>) => Promise<void>;

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="section" open>
      <summary><h3>{title}</h3></summary>
      {children}
    </details>
  );
}

/** A label beside a borderless value that becomes a field on hover and focus: edit in place. */
function InlineField({ label, name, value, type = "text", placeholder }: { label: string; name: string; value: string | null; type?: "text" | "email" | "tel" | "url"; placeholder?: string }) {
  return (
    <label class="inline-edit">
      <span class="field-label">{label}</span>
      <input name={name} {...typed(type)} defaultValue={value ?? ""} placeholder={placeholder ?? "Add…"} maxLength={254} dir="auto" />
    </label>
  );
}

function About({ profile, change }: { profile: VisitorProfile; change: Change }) {
  const [busy, setBusy] = useState(false);
  const base = visitorPath(profile.visitorId);
  const about = profile.about;
  const save = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    setBusy(true);
    void change(() => ok(api.PATCH("/api/v1/properties/{propertyId}/visitors/{visitorId}/about", {
      params: base,
      body: { name: value("name"), email: value("email"), phone: value("phone"), jobTitle: value("jobTitle"), userId: null,
        tags: value("tags").split(",").map((t) => t.trim()).filter(Boolean) },
    }))).finally(() => setBusy(false));
  };
  return (
    <Section title="About">
      <form class="inline-form" aria-label="About" onSubmit={save} key={JSON.stringify(about)}>
        <InlineField label="Name" name="name" value={about.name} />
        <InlineField label="Email" name="email" value={about.email} type="email" />
        <InlineField label="Phone" name="phone" value={about.phone} type="tel" />
        <InlineField label="Job title" name="jobTitle" value={about.jobTitle} />
        <label class="inline-edit">
          <span class="field-label">Tags</span>
          <input name="tags" aria-label="Visitor tags" defaultValue={about.tags.join(", ")} placeholder="vip, returning" maxLength={254} />
        </label>
        <p class="tags" data-testid="visitor-tags">{about.tags.map((t) => <span class="chip chip-accent" dir="auto">{t}</span>)}</p>
        <div class="form-actions"><Button type="submit" size="sm" variant="primary" busy={busy}>Save</Button></div>
      </form>
      <Attributes profile={profile} change={change} />
    </Section>
  );
}

/** Add Attribute (VIS-1): a User ID or a custom attribute with a type. */
function Attributes({ profile, change }: { profile: VisitorProfile; change: Change }) {
  const [kind, setKind] = useState<"UserId" | Attribute>("UserId");
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const base = visitorPath(profile.visitorId);
  const add = (e: Event) => {
    e.preventDefault();
    void change(async () => {
      await (kind === "UserId"
        ? ok(api.PATCH("/api/v1/properties/{propertyId}/visitors/{visitorId}/about", {
            params: base, body: { name: null, email: null, phone: null, jobTitle: null, tags: null, userId: value.trim() },
          }))
        : ok(api.PUT("/api/v1/properties/{propertyId}/visitors/{visitorId}/attributes", { params: base, body: { name: name.trim(), type: kind, value: value.trim() } })));
      setName("");
      setValue("");
    });
  };
  return (
    <form class="attributes" aria-label="Attributes" onSubmit={add}>
      <dl class="more-info" data-testid="attributes">
        {profile.about.userId && <div class="field-row"><dt>User ID</dt><dd dir="auto">{profile.about.userId}</dd></div>}
        {profile.attributes.map((a) => (
          <div class="field-row">
            <dt dir="auto">{a.name}</dt>
            <dd>
              <bdi>{a.value}</bdi>{" "}
              <button type="button" class="icon-button" aria-label={`Remove ${a.name}`} title={`Remove ${a.name}`} onClick={() => void change(() =>
                ok(api.DELETE("/api/v1/properties/{propertyId}/visitors/{visitorId}/attributes/{name}", { params: { path: { ...base.path, name: a.name } } })))}>×</button>
            </dd>
          </div>
        ))}
      </dl>
      <div class="attribute-row">
        <select aria-label="Attribute type" value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
          <option value="UserId">User ID</option>
          <option value="Text">Text</option>
          <option value="Number">Number</option>
          <option value="Date">Date</option>
          <option value="Bool">Yes/no</option>
        </select>
        {kind !== "UserId" && <input aria-label="Attribute name" placeholder="Name" maxLength={64} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        <input aria-label="Attribute value" placeholder={kind === "Bool" ? "true or false" : "Value"} maxLength={254}
          {...typed(kind === "Date" ? "date" : kind === "Number" ? "number" : "text")} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </div>
      <Button type="submit" size="sm">Add Attribute</Button>
    </form>
  );
}

const networks = [["facebook", "Facebook"], ["linkedIn", "LinkedIn"], ["twitter", "Twitter"], ["instagram", "Instagram"]] as const;

function Social({ profile, change }: { profile: VisitorProfile; change: Change }) {
  const save = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim() || null;
    void change(() => ok(api.PUT("/api/v1/properties/{propertyId}/visitors/{visitorId}/social", {
      params: visitorPath(profile.visitorId),
      body: { facebook: value("facebook"), linkedIn: value("linkedIn"), twitter: value("twitter"), instagram: value("instagram") },
    })));
  };
  return (
    <Section title="Social">
      <form class="inline-form" aria-label="Social media" onSubmit={save} key={JSON.stringify(profile.social)}>
        <p class="social-links" data-testid="social-links">
          {networks.filter(([key]) => profile.social[key]).map(([key]) => (
            <a href={profile.social[key]!} target="_blank" rel="noopener noreferrer">{key}</a>
          ))}
        </p>
        {networks.map(([key, label]) => <InlineField label={label} name={key} value={profile.social[key]} type="url" placeholder="https://…" />)}
        <div class="form-actions"><Button type="submit" size="sm" variant="primary">Save</Button></div>
      </form>
    </Section>
  );
}

/** Organization (VIS-4): the linked one with its contacts, or link an existing one, or create a new one. */
function Organization({ profile, change }: { profile: VisitorProfile; change: Change }) {
  const [linked, setLinked] = useState<{ organization: OrganizationView; contacts: VisitorProfile[] } | null>(null);
  const [existing, setExisting] = useState<{ organizationId: string; name: string }[]>([]);
  const [choice, setChoice] = useState("");
  const params = { path: { propertyId: propertyId.value } };
  useEffect(() => {
    setLinked(null);
    if (profile.organizationId) {
      const path = { path: { propertyId: propertyId.value, organizationId: profile.organizationId } };
      void Promise.all([
        ok(api.GET("/api/v1/properties/{propertyId}/organizations/{organizationId}", { params: path })),
        ok(api.GET("/api/v1/properties/{propertyId}/organizations/{organizationId}/contacts", { params: path })),
      ]).then(([organization, contacts]) => setLinked({ organization, contacts }), () => undefined);
    } else {
      void ok(api.GET("/api/v1/properties/{propertyId}/organizations", { params })).then(setExisting, () => undefined);
    }
  }, [profile]);
  const link = (organizationId: string | null) => ok(api.PUT("/api/v1/properties/{propertyId}/visitors/{visitorId}/organization", {
    params: visitorPath(profile.visitorId), body: { organizationId },
  }));
  const create = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    void change(async () => {
      const created = await ok(api.POST("/api/v1/properties/{propertyId}/organizations", {
        params, body: { name: value("name"), domain: value("domain") || null, notes: value("notes") || null },
      }));
      await link(created.organizationId);
    });
  };
  return (
    <Section title="Organization">
      <section class="organization" aria-label="Organization" data-testid="organization">
        {profile.organizationId ? (
          linked && (
            <>
              <strong dir="auto">{linked.organization.name}</strong> <span class="muted" dir="auto">{linked.organization.domain ?? ""}</span>
              {linked.organization.notes && <p dir="auto">{linked.organization.notes}</p>}
              <span class="muted">Contacts ({linked.contacts.length})</span>
              <ul class="results" data-testid="organization-contacts">
                {linked.contacts.map((c) => <li dir="auto">{c.about.name || c.about.email || c.visitorId}</li>)}
              </ul>
              <Button size="sm" onClick={() => void change(() => link(null))}>Unlink</Button>
            </>
          )
        ) : (
          <>
            <div class="attribute-row">
              <select aria-label="Existing organization" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                <option value="">{existing.length ? "Choose an organization…" : "No organizations yet"}</option>
                {existing.map((o) => <option value={o.organizationId}>{o.name}</option>)}
              </select>
              <Button size="sm" onClick={() => choice && void change(() => link(choice))}>Link</Button>
            </div>
            <form class="form compact" aria-label="New organization" onSubmit={create}>
              <input name="name" aria-label="Organization name" placeholder="Organization name" maxLength={200} required />
              <input name="domain" aria-label="Organization domain" placeholder="Domain (example.com)" maxLength={253} />
              <textarea name="notes" aria-label="Organization notes" placeholder="Notes" maxLength={4000} rows={2} />
              <Button type="submit" size="sm">Create organization</Button>
            </form>
          </>
        )}
      </section>
    </Section>
  );
}

function MoreInfo({ profile }: { profile: VisitorProfile }) {
  const when = (iso: string | null | undefined) => (iso ? fullDate(iso) : null);
  const location = profile.location ? [profile.location.city, profile.location.region, profile.location.country].filter(Boolean).join(", ") : null;
  return (
    <InfoList testId="more-info" items={[
      ["Location", location],
      ["IP", profile.lastIp],
      ["Device", profile.device ? `${profile.device.os} · ${profile.device.browser} · ${profile.device.kind}` : null],
      ["First seen", when(profile.dates.firstSeenAt)],
      ["Last seen", when(profile.dates.lastSeenAt)],
      ["Created", when(profile.dates.createdAt)],
      ["Updated", when(profile.dates.updatedAt)],
      ["Sessions", profile.sessions.totalSessions],
      ["Page views", profile.sessions.pageViews],
      ["First session", when(profile.sessions.firstSessionAt)],
      ["Latest session", when(profile.sessions.latestSessionAt)],
      ["Time in chat", profile.sessions.timeInChat],
    ]} />
  );
}
