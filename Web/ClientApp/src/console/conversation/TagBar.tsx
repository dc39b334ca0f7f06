import { useEffect, useRef, useState } from "preact/hooks";
import { api, ok } from "../api/client";
import type { Conversation } from "../api/types";
import { propertyId } from "../store/session";
import { act, running } from "./act";

/** Tags on a chat (CHAT-7) or ticket (TIC-8): remove with ×, add with "Add tag" then Save or Enter. */
export function TagBar({ c }: { c: Conversation }) {
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (adding) {
      input.current?.focus();
    }
  }, [adding]);
  const change = (body: { add?: string[]; remove?: string[] }) => {
    const params = { path: { propertyId: propertyId.value, conversationId: c.view.id } };
    const full = { add: body.add ?? null, remove: body.remove ?? null };
    return c.kind === "chat"
      ? ok(api.POST("/api/v1/properties/{propertyId}/chats/{conversationId}/tags", { params, body: full }))
      : ok(api.POST("/api/v1/properties/{propertyId}/tickets/{conversationId}/tags", { params, body: full }));
  };
  const save = async () => {
    if (!adding) {
      setAdding(true);
      return;
    }
    const tag = text.trim();
    if (tag && (await act("tags", () => change({ add: [tag] })))) {
      setText("");
      setAdding(false);
    }
  };
  return (
    <div class="tag-bar">
      <span class="field-label">Tags</span>
      <span class="tags" data-testid="tags">
        {c.view.tags.map((tag) => (
          <button type="button" class="chip chip-tag" title={`Remove ${tag}`} disabled={running.value === "tags"} onClick={() => void act("tags", () => change({ remove: [tag] }))}>
            <bdi>{tag}</bdi> <span aria-hidden="true">×</span>
          </button>
        ))}
      </span>
      {adding && (
        <input
          aria-label="New tag"
          placeholder="tag name"
          maxLength={32}
          value={text}
          ref={input}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void save();
            } else if (e.key === "Escape") {
              setAdding(false);
            }
          }}
        />
      )}
      <button type="button" class="btn btn-ghost btn-sm" onClick={() => void save()} disabled={running.value === "tags"}>
        {adding ? "Save" : "+ Add tag"}
      </button>
    </div>
  );
}
