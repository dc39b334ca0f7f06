import type { TicketView } from "../api/types";
import { InfoList } from "./InfoList";

/**
 * Details of a ticket whose requester has no visitor profile (a ticket opened before requesters got one by their address,
 * VIS-1): who they are, and why there is nothing more to show.
 */
export function RequesterDetails({ requester }: { requester: TicketView["requester"] }) {
  return (
    <div class="details" data-testid="requester-details">
      <h3>Requester</h3>
      <InfoList items={[["Name", requester.name], ["Email", requester.email]]} />
      <p class="muted kb-hint">No visitor profile yet: this ticket is older than requester profiles. The requester gets one, found by their address, when they write again.</p>
    </div>
  );
}
