import { useState } from "preact/hooks";
import { api } from "../api/client";
import { setMyPresence, stopLive } from "../actions/realtime";
import { showPane } from "../actions/conversation";
import { switchProperty } from "../actions/session";
import { saveNotificationSettings } from "../actions/notificationSettings";
import { notificationError, notificationSettings } from "../store/attention";
import { connection } from "../store/live";
import { isAdmin, me, memberships, popout, propertyId, propertyNames } from "../store/session";
import { agents } from "../store/team";
import { Avatar } from "../ui/Avatar";
import { Button } from "../ui/Button";
import { Menu } from "../ui/Menu";
import { Icon } from "../ui/Icon";
import { showShortcutHelp } from "./ShortcutHelp";
import { SearchBox } from "../search/SearchBox";

const connectionLabels = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline — retrying" };

/** The bar across the top: brand, property switcher (by name), search, settings, notifications, connection, the agent and their status. */
export function TopBar() {
  const self = me.value;
  const presence = agents.value.find((a) => a.id === self?.id)?.presence;
  const [statusError, setStatusError] = useState("");
  const settings = notificationSettings.value;
  const permission = typeof Notification === "undefined" ? "denied" : Notification.permission;
  const [, rerender] = useState(0);
  const askPermission = async () => {
    if (permission === "default") {
      await Notification.requestPermission();
      rerender((n) => n + 1);
    }
  };
  const toggleDesktop = async () => {
    if (!settings.desktop) {
      await askPermission();
    }
    await saveNotificationSettings({ ...settings, desktop: !settings.desktop });
  };
  // The choice follows the agent; the permission belongs to each browser, so a new one may still have to be asked.
  const desktopLabel = !settings.desktop || permission === "granted"
    ? "Desktop notifications"
    : permission === "default" ? "Desktop notifications (not yet allowed in this browser)" : "Desktop notifications (blocked by this browser)";
  return (
    <header class="topbar" id="topbar">
      <span class="brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>Conversations</span>
      </span>
      <label class="field-inline topbar-property hide-in-popout">
        <span class="field-label collapsible-label">Property</span>
        <select id="property-switcher" aria-label="Property" value={propertyId.value} onChange={(e) => void switchProperty(e.currentTarget.value)}>
          {memberships.value.map((m) => (
            <option value={m.propertyId}>{propertyNames.value[m.propertyId] ?? m.propertyId}</option>
          ))}
        </select>
      </label>
      <span class="spacer" />
      {!popout && <SearchBox />}
      {!popout && (
        <>
          {isAdmin.value && <Button variant="ghost" size="sm" id="reports" onClick={() => showPane({ type: "reports" })}>Reports</Button>}
          {isAdmin.value && <Button variant="ghost" size="sm" id="audit" onClick={() => showPane({ type: "audit" })}>Audit log</Button>}
          <Button variant="ghost" size="sm" id="settings" onClick={() => showPane({ type: "settings" })}>Settings</Button>
          <Menu
            label="Notifications"
            class="notifications"
            align="end"
            button={<Icon name="bell" />}
            items={[
              { label: "Sound for new chats and messages", checked: settings.sound, onSelect: () => void saveNotificationSettings({ ...settings, sound: !settings.sound }) },
              { label: desktopLabel, checked: settings.desktop, onSelect: () => void toggleDesktop() },
              ...(settings.desktop && permission === "default" ? [{ label: "Allow desktop notifications in this browser", onSelect: () => void askPermission() }] : []),
            ]}
          />
          {notificationError.value && <span class="error" role="alert" data-testid="notification-error">{notificationError.value}</span>}
          <Button variant="ghost" size="sm" id="shortcuts-help" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={showShortcutHelp}>?</Button>
        </>
      )}
      <span class="connection" data-testid="connection-state" data-state={connection.value} role="status">
        {connectionLabels[connection.value]}
      </span>
      {self && (
        <span class="me">
          <Avatar name={self.name} size={26} presence={presence} />
          <bdi id="agent-name" class="collapsible-label">{self.name}</bdi>
        </span>
      )}
      {!popout && (
        <select
          id="my-presence"
          aria-label="My status"
          value={presence === "Away" ? "Away" : "Online"}
          onChange={(e) => {
            setStatusError("");
            setMyPresence(e.currentTarget.value as "Online" | "Away").catch(() => setStatusError("Your status could not be changed; the connection is down."));
          }}
        >
          <option value="Online">● Online</option>
          <option value="Away">◐ Away</option>
        </select>
      )}
      {statusError && <span class="error" role="alert">{statusError}</span>}
      <Button
        variant="ghost"
        size="sm"
        id="sign-out"
        onClick={async () => {
          await stopLive();
          await api.POST("/api/v1/auth/sign-out");
          location.reload();
        }}
      >
        Sign out
      </Button>
    </header>
  );
}
