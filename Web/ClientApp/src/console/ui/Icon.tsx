/** The console's few icons, drawn inline (no icon font, no emoji that a system may lack). Decorative: always aria-hidden. */
const paths = {
  inbox: "M4 4h16v10h-5l-1.5 3h-3L9 14H4z M4 14v6h16v-6",
  chat: "M4 5h16v11H9l-5 4z",
  ticket: "M3 6h18v12H3z M3 7l9 6 9-6",
  trash: "M5 7h14 M10 7V4h4v3 M7 7l1 13h8l1-13",
  spam: "M12 3l9 17H3z M12 10v4 M12 17v.5",
  bell: "M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 20a2 2 0 0 0 4 0",
  info: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M12 11v6 M12 7.5v.5",
  popout: "M14 4h6v6 M20 4l-9 9 M18 14v6H4V6h6",
  more: "M5 12h.5 M12 12h.5 M19 12h.5",
  back: "M19 12H5 M11 6l-6 6 6 6",
  up: "M7 11l5-6 5 6 M12 5v14",
  down: "M7 13l5 6 5-6 M12 19V5",
  plus: "M12 5v14 M5 12h14",
  paperclip: "M20 11l-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width={name === "more" ? 3.5 : 2} stroke-linecap="round" stroke-linejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}
