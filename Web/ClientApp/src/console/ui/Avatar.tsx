/** Initials on a colour taken from the name, so the same person always looks the same; dark enough (26 % lightness) for white text to pass AA contrast at every hue. */
export function Avatar({ name, size = 32, presence }: { name: string; size?: number; presence?: "Online" | "Away" | "Offline" }) {
  const letters = initials(name);
  const hue = [...name].reduce((h, c) => (h * 31 + c.codePointAt(0)!) % 360, 7);
  return (
    <span class="avatar" style={{ width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.4)}px`, background: `hsl(${hue} 55% 26%)` }} aria-hidden="true">
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
