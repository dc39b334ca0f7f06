/** Dark enough for white initials to keep a contrast of at least 4.5:1 (WCAG AA for small text). */
const palette = ["#1d4ed8", "#7e22ce", "#be123c", "#047857", "#92400e", "#0e7490", "#4338ca", "#a21caf", "#374151"];

/** Initials on a colour taken from the name, so the same person always looks the same. */
export function Avatar({ name, size = 32, presence }: { name: string; size?: number; presence?: "Online" | "Away" | "Offline" }) {
  const letters = initials(name);
  const colour = palette[[...name].reduce((h, c) => (h * 31 + c.codePointAt(0)!) % 9973, 7) % palette.length];
  return (
    <span class="avatar" style={{ width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.4)}px`, background: colour }} aria-hidden="true">
      {letters}
      {presence && <span class={`presence-dot ${presence.toLowerCase()}`} />}
    </span>
  );
}

/** Up to two letters (or digits) of the name; bidi controls and symbols are skipped. */
export function initials(name: string): string {
  const words = name.normalize("NFKC").split(/\s+/).map((w) => w.match(/[\p{L}\p{N}]/u)?.[0] ?? "").filter(Boolean);
  return ((words[0] ?? "?") + (words.length > 1 ? words[words.length - 1] : "")).toUpperCase();
}
