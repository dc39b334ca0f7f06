import { batch } from "@preact/signals";
import { api, ok } from "../api/client";
import { propertyId } from "../store/session";
import { agents, departments } from "../store/team";

/** The property's agents and departments: the assignees, the team list and the filters' choices. */
export async function loadTeam(): Promise<void> {
  const params = { params: { path: { propertyId: propertyId.value } } };
  const [agentList, departmentList] = await Promise.all([
    ok(api.GET("/api/v1/properties/{propertyId}/agents", params)),
    ok(api.GET("/api/v1/properties/{propertyId}/departments", params)),
  ]);
  batch(() => {
    agents.value = agentList;
    departments.value = departmentList;
  });
}

export function loadTeamQuietly(): void {
  void loadTeam().catch(() => undefined);
}
