import { signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { shortcutHelp } from "../keyboard";
import { Button } from "../ui/Button";

const shown = signal(false);

export const showShortcutHelp = () => (shown.value = true);

/** The keyboard shortcuts, listed from the same table the handler uses. */
export function ShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (shown.value && !dialog.current?.open) {
      dialog.current?.showModal();
    }
  }, [shown.value]);
  return (
    <dialog id="help" class="dialog" ref={dialog} aria-labelledby="help-title" onClose={() => (shown.value = false)}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <p class="muted">They work anywhere except while typing in a field.</p>
      <dl class="shortcut-list">
        {shortcutHelp.map(([keys, what]) => (
          <div>
            <dt><kbd>{keys}</kbd></dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" class="dialog-actions">
        <Button type="submit" variant="primary">Close</Button>
      </form>
    </dialog>
  );
}
