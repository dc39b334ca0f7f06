import { signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { ChatView, PageView, VisitorProfile } from "../api/types";
import { propertyId } from "../store/session";
import { Tabs } from "../ui/Tabs";
import { fullDate, minutesText } from "../ui/RelativeTime";
import { InfoList } from "../sidebar/InfoList";

export const sessionInfoOpen = signal(false);

/** The chat's session info pane (CHAT-5): Info (location, IP, platform, duration) and Web Sessions; closes with × or Escape. */
export function SessionInfo({ chat }: { chat: ChatView }) {
  const [tab, setTab] = useState<"info" | "sessions">("info");
  const [data, setData] = useState<{ profile: VisitorProfile; views: PageView[] } | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    const params = { path: { propertyId: propertyId.value, visitorId: chat.visitorId } };
    Promise.all([
      ok(api.GET("/api/v1/properties/{propertyId}/visitors/{visitorId}", { params })),
      ok(api.GET("/api/v1/properties/{propertyId}/visitors/{visitorId}/page-views", { params: { ...params, query: { limit: 50 } } })),
    ]).then(([profile, views]) => setData({ profile, views }), (e) => setError(errorMessage(e)));
  }, [chat.visitorId]);
  const close = () => {
    sessionInfoOpen.value = false;
    document.querySelector<HTMLElement>("[aria-controls=session-info]")?.focus();
  };
  const profile = data?.profile;
  const end = chat.status === "Closed" ? new Date(chat.updatedAt).getTime() : Date.now();
  const location = profile?.location ? [profile.location.city, profile.location.region, profile.location.country].filter(Boolean).join(", ") : null;
  return (
    <aside id="session-info" class="session-info" aria-label="Session info">
      <div class="session-tabs">
        <Tabs label="Session info" tabs={[["info", "Info"], ["sessions", "Web Sessions"]]} selected={tab} onSelect={setTab} />
        <button type="button" class="icon-button close" aria-label="Close session info" title="Close" onClick={close}>×</button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {!data && !error && <p class="muted">Loading…</p>}
      {profile && tab === "info" && (
        <InfoList testId="session-info" items={[
          ["Location", location],
          ["IP", profile.lastIp],
          ["OS", profile.device?.os],
          ["Browser", profile.device?.browser],
          ["Device", profile.device?.kind],
          ["Duration", minutesText((end - new Date(chat.createdAt).getTime()) / 60_000)],
        ]} />
      )}
      {data && tab === "sessions" && <PageViews views={data.views} />}
    </aside>
  );
}

export function PageViews({ views }: { views: PageView[] }) {
  return (
    <ol class="timeline" data-testid="web-sessions">
      {views.length === 0 ? <li class="muted">No page views yet.</li> : views.map((v) => (
        <li>
          <span class="muted">{fullDate(v.at)}</span> <bdi>{v.title || v.url}</bdi>
          <br />
          <small dir="auto">{v.url}</small>
        </li>
      ))}
    </ol>
  );
}
