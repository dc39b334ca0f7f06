import { computed, signal } from "@preact/signals";
import type { Me } from "../api/types";

/** Who is signed in, which property the console shows, and the names of the agent's properties. */
export const me = signal<Me | null>(null);
/** "signing-in" until /me answered; then the console or the sign-in form. */
export const signedIn = signal<"unknown" | "yes" | "no">("unknown");
export const propertyId = signal("");
export const propertyNames = signal<Record<string, string>>({});

export const memberships = computed(() => me.value?.memberships ?? []);
export const isAdmin = computed(() => memberships.value.find((m) => m.propertyId === propertyId.value)?.role === "Admin");

/** "?popout=chat/{id}": this window shows one conversation, live, and nothing else (CHAT-6, TIC-9). */
const popoutMatch = /^(chat|ticket)\/([0-9a-f-]{36})$/i.exec(new URLSearchParams(location.search).get("popout") ?? "");
export const popout = popoutMatch ? { kind: popoutMatch[1].toLowerCase() as "chat" | "ticket", id: popoutMatch[2].toLowerCase() } : null;
