import { api, errorMessage, ok } from "../api/client";
import { notificationError, notificationSettings, type NotificationSettings } from "../store/attention";

/** The agent's stored choices; the defaults stay when they cannot be read (the bell says so). */
export async function loadNotificationSettings(): Promise<void> {
  try {
    notificationSettings.value = await ok(api.GET("/api/v1/me/notifications"));
    notificationError.value = "";
  } catch (error) {
    notificationError.value = `Your notification settings could not be loaded: ${errorMessage(error)}`;
  }
}

/** Shows the change at once and stores it on the agent; a refused save puts the previous choice back and says why. */
export async function saveNotificationSettings(next: NotificationSettings): Promise<void> {
  const previous = notificationSettings.value;
  notificationSettings.value = next;
  notificationError.value = "";
  try {
    notificationSettings.value = await ok(api.PUT("/api/v1/me/notifications", { body: next }));
  } catch (error) {
    notificationSettings.value = previous;
    notificationError.value = `Your notification settings were not saved: ${errorMessage(error)}`;
  }
}
