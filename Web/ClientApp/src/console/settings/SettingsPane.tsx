import { renderSettings } from "../legacy/admin";
import { loadMe, switchProperty } from "../actions/session";
import { loadTeam } from "../actions/team";
import { showPane } from "../actions/conversation";
import { isAdmin, propertyId } from "../store/session";
import { agents } from "../store/team";
import { Island } from "../shell/Island";

/** Settings (ADM-1..3). */
export function SettingsPane() {
  return (
    <Island
      class="settings-island"
      deps={[propertyId.value, isAdmin.value, agents.value]}
      mount={(element) => {
        void renderSettings(element, {
          propertyId: propertyId.value,
          isAdmin: isAdmin.value,
          propertiesChanged: async (show) => {
            await loadMe();
            await switchProperty(show);
            showPane({ type: "settings" });
          },
          teamChanged: loadTeam,
        }).catch((error) => element.replaceChildren(Object.assign(document.createElement("p"), { className: "error", role: "alert", textContent: `Settings could not be loaded: ${error instanceof Error ? error.message : String(error)}` })));
      }}
    />
  );
}
