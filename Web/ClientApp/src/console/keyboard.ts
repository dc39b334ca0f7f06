/** The console's keyboard shortcuts; the help overlay lists the same table. */
export interface ShortcutActions {
  move(delta: 1 | -1): void;
  openFocused(): void;
  focusReply(): void;
  focusFilters(): void;
  focusSearch(): void;
  closeConversation(): void;
  showHelp(): void;
  escape(): void;
}

export const shortcutHelp: [keys: string, what: string][] = [
  ["j / ↓", "Next conversation in the list"],
  ["k / ↑", "Previous conversation in the list"],
  ["Enter", "Open the highlighted conversation"],
  ["r", "Reply: focus the reply box"],
  ["/", "Filter the list"],
  ["Ctrl+K", "Search all conversations"],
  ["e", "Close the open chat or ticket (asks first)"],
  ["?", "Show this help"],
  ["Esc", "Close dialogs, menus and panes"],
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement
    && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function installShortcuts(actions: ShortcutActions): void {
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
      e.preventDefault();
      actions.focusSearch();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) {
      return;
    }
    if (e.key === "Escape") {
      actions.escape();
      return;
    }
    if (isTyping(e.target)) {
      return;
    }
    const run = (action: () => void) => {
      e.preventDefault();
      action();
    };
    switch (e.key) {
      case "j":
      case "ArrowDown":
        run(() => actions.move(1));
        break;
      case "k":
      case "ArrowUp":
        run(() => actions.move(-1));
        break;
      case "Enter":
        // A focused button or link activates itself.
        if (!(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement || e.target instanceof HTMLElement && e.target.tagName === "SUMMARY")) {
          run(actions.openFocused);
        }
        break;
      case "r":
        run(actions.focusReply);
        break;
      case "/":
        run(actions.focusFilters);
        break;
      case "e":
        run(actions.closeConversation);
        break;
      case "?":
        run(actions.showHelp);
        break;
    }
  });
}
