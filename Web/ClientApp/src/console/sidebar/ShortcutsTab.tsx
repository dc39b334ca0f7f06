import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { Shortcut } from "../api/types";
import { insertIntoReply } from "../conversation/Composer";
import { replyBoxShown } from "../store/selection";
import { propertyId } from "../store/session";
import { Button } from "../ui/Button";

/** Shortcuts (KB-3): canned replies searched by keyword, inserted into the reply; Add New Shortcut at the bottom. */
export function ShortcutsTab() {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Shortcut[] | null>(null);
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const params = { path: { propertyId: propertyId.value } };
  const load = () => ok(api.GET("/api/v1/properties/{propertyId}/shortcuts", { params: { ...params, query: { q: query.trim() || undefined } } }))
    .then((list) => {
      setError("");
      setFound(list);
    }, (e) => setError(errorMessage(e)));
  useEffect(() => void load(), [query, propertyId.value]);
  const add = async (e: Event) => {
    e.preventDefault();
    try {
      await ok(api.POST("/api/v1/properties/{propertyId}/shortcuts", { params, body: { name: name.trim(), message } }));
      setName("");
      setMessage("");
      await load();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <div class="tab-body">
      <input type="search" aria-label="Search shortcuts" placeholder="Search shortcuts" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <p class="error" role="alert">{error}</p>
      {!replyBoxShown.value && found !== null && found.length > 0 && <p class="muted kb-hint">Open a conversation to insert a shortcut, or type <code>/name</code> in the reply.</p>}
      <ul class="results" data-testid="shortcut-results">
        {found?.length === 0 && <li class="muted">{query.trim() ? "No shortcut matches." : "No shortcuts yet. Add one below."}</li>}
        {found?.map((s) => (
          <li>
            <code>/{s.name}</code>
            <p dir="auto">{s.message}</p>
            {replyBoxShown.value && <Button size="sm" onClick={() => insertIntoReply(s.message)}>Insert</Button>}
          </li>
        ))}
      </ul>
      <form class="new-shortcut" aria-label="New shortcut" onSubmit={add}>
        <input aria-label="Shortcut name" placeholder="name" maxLength={32} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <textarea aria-label="Shortcut message" placeholder="Message" maxLength={4000} rows={2} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
        <Button type="submit" size="sm" variant="primary">Add New Shortcut</Button>
      </form>
    </div>
  );
}
