import { showPane } from "../actions/conversation";
import { popout } from "../store/session";

/** On narrow screens the open conversation takes the list's place; this brings the list back. */
export function BackToList() {
  return popout ? null : (
    <button type="button" class="btn btn-ghost btn-sm back-to-list" aria-label="Back to the list" onClick={() => showPane({ type: "none" })}>
      <span aria-hidden="true">←</span>
    </button>
  );
}
