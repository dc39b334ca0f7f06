import { signal } from "@preact/signals";
import type { Department, Presence, PropertyAgent } from "../api/types";

/** The property's agents with their live presence (ADM-2) and its departments (ADM-3): the assignees. */
export const agents = signal<PropertyAgent[]>([]);
export const departments = signal<Department[]>([]);

export function setPresence(agentId: string, presence: Presence): void {
  agents.value = agents.value.map((a) => (a.id === agentId ? { ...a, presence } : a));
}

export function assigneeName(kind: string, id: string | null | undefined): string {
  if (!id) {
    return "—";
  }
  const name = kind === "Department" ? departments.value.find((d) => d.id === id)?.name : agents.value.find((a) => a.id === id)?.name;
  return name ?? "…";
}
