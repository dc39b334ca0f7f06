import { notificationSettings } from "../store/attention";

let audio: AudioContext | null = null;

/** A short two-note chime, made on the spot (no sound file to load). */
function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [i, frequency] of [660, 880].entries()) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.15, start + i * 0.12 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.12 + 0.2);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + i * 0.12);
      oscillator.stop(start + i * 0.12 + 0.22);
    }
  } catch {
    // No audio output: the unread counts still show it.
  }
}

/** The log of notifications shown, for the page to read in tests and for the agent's own curiosity. */
export const shown: { title: string; body: string }[] = [];

/**
 * A new chat or a visitor's message: a sound and a desktop notification, each as the agent chose (per browser),
 * and only when the agent is not already looking at it.
 */
export function notify(who: string, text: string, unseen: boolean): void {
  if (!unseen) {
    return;
  }
  const settings = notificationSettings.value;
  if (settings.sound) {
    chime();
  }
  if (settings.desktop && "Notification" in window && Notification.permission === "granted") {
    // U+2068/U+2069 keep a right-to-left override in a visitor's name inside the name.
    const title = `\u2068${who}\u2069`;
    shown.push({ title, body: text });
    new Notification(title, { body: text.slice(0, 200), tag: "conversations" });
  }
}
