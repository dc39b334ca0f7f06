import { api, propertyPath } from "./api";
import { busy, h, option } from "../shared/dom";
import type { TicketView } from "./types";

/** An agent creates a ticket for a requester (TIC-1); the pane then shows it. */
export function renderNewTicket(pane: HTMLElement, propertyId: string, created: (ticketId: string) => void): void {
  const error = h("p", { class: "error", role: "alert" });
  const subject = h("input", { "aria-label": "Subject", placeholder: "Subject", required: true, maxlength: "200" });
  const email = h("input", { type: "email", "aria-label": "Requester email", placeholder: "Requester email", required: true, maxlength: "254" });
  const name = h("input", { "aria-label": "Requester name", placeholder: "Requester name (optional)", maxlength: "100" });
  const priority = h("select", { "aria-label": "New ticket priority" },
    ...(["Lowest", "Low", "Medium", "High", "Highest"] as const).map((p) => option(p, p, p === "Medium")));
  const text = h("textarea", { "aria-label": "First message", placeholder: "What is it about?", rows: "5", maxlength: "4000" });
  const create = h("button", { type: "submit" }, "Create ticket");
  const form = h("form", { class: "profile-form new-ticket", "aria-label": "New ticket" }, h("h2", {}, "New ticket"),
    subject, email, name, priority, text, error, create);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(create, error, async () => {
      const ticket = await api<TicketView>("POST", `${propertyPath(propertyId)}/tickets`, {
        ticketId: crypto.randomUUID(), subject: subject.value.trim(), requesterEmail: email.value.trim(),
        requesterName: name.value.trim() || null, priority: priority.value, text: text.value.trim() || null,
      });
      created(ticket.id);
    });
  });
  pane.replaceChildren(form);
  subject.focus();
}
