import { signal } from "@preact/signals";
import type { SearchPage } from "../api/types";

/** The search on screen (SRCH-1): its text, the pages loaded so far, and a readable error. */
export const searchText = signal("");
export const searchResults = signal<SearchPage | null>(null);
export const searchError = signal<string | null>(null);
export const searchLoading = signal(false);

/** The message a hit opened: the transcript scrolls to it once it is shown. */
export const scrollTarget = signal<{ conversationId: string; sequence: number } | null>(null);
