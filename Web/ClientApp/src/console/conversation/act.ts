import { signal } from "@preact/signals";
import { errorMessage } from "../api/client";
import { reloadOpen } from "../actions/conversation";
import { scheduleRefresh } from "../actions/inbox";

/** The open conversation's error line: what the last action there could not do. */
export const actionError = signal<string | null>(null);
/** Which action is running, so its control shows busy. */
export const running = signal<string | null>(null);

/** Runs an action on the open conversation; then the pane and the list show the result, or the pane says why not. */
export async function act(name: string, action: () => Promise<unknown>, reload = true): Promise<boolean> {
  actionError.value = null;
  running.value = name;
  try {
    await action();
    if (reload) {
      await reloadOpen();
    }
    scheduleRefresh();
    return true;
  } catch (error) {
    actionError.value = errorMessage(error);
    return false;
  } finally {
    running.value = null;
  }
}
