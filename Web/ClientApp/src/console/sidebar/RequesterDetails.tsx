import type { TicketView } from "../api/types";
import { InfoList } from "./InfoList";

/**
 * Details of a ticket whose requester wrote by email (or was named by an agent or the API) and has no visitor profile:
 * who they are, and why there is nothing more to show.
 */
export function RequesterDetails({ requester }: { requester: TicketView["requester"] }) {
  return (
    <div class="details" data-testid="requester-details">
      <h3>Requester</h3>
      <InfoList items={[["Name", requester.name], ["Email", requester.email]]} />
      <p class="muted kb-hint">No visitor profile: this requester has not used the chat widget, so there are no visits, sessions or profile fields.</p>
    </div>
  );
}
