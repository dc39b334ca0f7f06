import { showPane } from "../actions/conversation";
import { popout } from "../store/session";
import { Icon } from "../ui/Icon";

/** On narrow screens the open conversation takes the list's place; this brings the list back. */
export function BackToList() {
  return popout ? null : (
    <button type="button" class="btn btn-ghost btn-sm back-to-list" aria-label="Back to the list" onClick={() => showPane({ type: "none" })}>
      <Icon name="back" />
    </button>
  );
}
