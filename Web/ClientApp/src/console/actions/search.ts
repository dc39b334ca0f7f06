import { api, errorMessage, ok } from "../api/client";
import type { SearchHit } from "../api/types";
import { scrollTarget, searchError, searchLoading, searchResults, searchText } from "../store/search";
import { propertyId } from "../store/session";
import { openConversation, showPane } from "./conversation";

const pageSize = 20;
let latest = 0;

/** Runs a search into the middle pane; "more" appends the next page. Only the latest call's answer is shown. */
export async function runSearch(text: string, more = false): Promise<void> {
  const q = text.trim();
  if (!q) {
    return;
  }
  const mine = ++latest;
  if (!more) {
    searchText.value = q;
    searchResults.value = null;
    showPane({ type: "search" });
  }
  searchError.value = null;
  searchLoading.value = true;
  const offset = more ? (searchResults.value?.hits.length ?? 0) : 0;
  try {
    const page = await ok(api.GET("/api/v1/properties/{propertyId}/search", {
      params: { path: { propertyId: propertyId.value }, query: { q, offset, limit: pageSize } },
    }));
    if (mine === latest) {
      searchResults.value = more && searchResults.value ? { ...page, hits: [...searchResults.value.hits, ...page.hits] } : page;
    }
  } catch (error) {
    if (mine === latest) {
      searchError.value = errorMessage(error);
    }
  } finally {
    if (mine === latest) {
      searchLoading.value = false;
    }
  }
}

/** Opens the hit's conversation scrolled to its message (the conversation's own fields open it at the top). */
export function openHit(hit: SearchHit): Promise<void> {
  scrollTarget.value = { conversationId: hit.conversationId, sequence: hit.sequence };
  return openConversation(hit.kind === "Chat" ? "chat" : "ticket", hit.conversationId);
}
