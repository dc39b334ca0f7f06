import { useState } from "preact/hooks";
import { api, errorMessage, ok } from "./api/client";
import type { Priority } from "./api/types";
import { priorities } from "./api/types";
import { openConversation } from "./actions/conversation";
import { scheduleRefresh } from "./actions/inbox";
import { propertyId } from "./store/session";
import { Button } from "./ui/Button";
import { Field } from "./ui/Field";

/** An agent creates a ticket for a requester (TIC-1); the pane then shows it. */
export function NewTicket() {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    setError("");
    setBusy(true);
    try {
      const ticket = await ok(api.POST("/api/v1/properties/{propertyId}/tickets", {
        params: { path: { propertyId: propertyId.value } },
        body: {
          ticketId: crypto.randomUUID(), subject: value("subject"), requesterEmail: value("email"), requesterName: value("name") || null, requesterVisitorId: null,
          priority: value("priority") as Priority, text: value("text") || null,
        },
      }));
      scheduleRefresh(0);
      await openConversation("ticket", ticket.id);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form new-ticket" aria-label="New ticket" onSubmit={submit}>
      <h2>New ticket</h2>
      <Field label="Subject"><input name="subject" required maxLength={200} autoFocus /></Field>
      <div class="form-row">
        <Field label="Requester email"><input name="email" type="email" required maxLength={254} placeholder="name@example.com" /></Field>
        <Field label="Requester name"><input name="name" maxLength={100} placeholder="optional" /></Field>
        <Field label="Priority">
          <select name="priority" aria-label="New ticket priority">
            {priorities.map((p) => <option value={p} selected={p === "Medium"}>{p}</option>)}
          </select>
        </Field>
      </div>
      <Field label="First message"><textarea name="text" rows={6} maxLength={4000} placeholder="What is it about?" /></Field>
      <p class="error" role="alert">{error}</p>
      <div class="form-actions"><Button type="submit" variant="primary" busy={busy}>Create ticket</Button></div>
    </form>
  );
}
