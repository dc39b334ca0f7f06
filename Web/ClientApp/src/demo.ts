import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { type ConversationEvent, type ConversationMessage, errorText, renderMessage } from "./events";

const propertyId = new URLSearchParams(location.search).get("property") ?? "demo";
const visitorId = localStorage.getItem("conversations.visitorId") ?? crypto.randomUUID();
localStorage.setItem("conversations.visitorId", visitorId);
let chatId = sessionStorage.getItem("conversations.chatId");

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const startForm = el<HTMLFormElement>("start");
const composer = el<HTMLFormElement>("composer");
const text = el<HTMLTextAreaElement>("text");
const messages = el<HTMLOListElement>("messages");
const status = el<HTMLParagraphElement>("status");

const connection = new HubConnectionBuilder()
  .withUrl("/hubs/visitor")
  .withAutomaticReconnect()
  .configureLogging(LogLevel.Warning)
  .build();

connection.on("conversationEvent", (event: ConversationEvent) => {
  if (event.type === "messagePosted" && event.conversationId === chatId) {
    renderMessage(messages, event.message);
  }
});
connection.onreconnecting(() => (status.textContent = "Reconnecting…"));
connection.onreconnected(() => void resume());

async function resume(): Promise<void> {
  if (!chatId) {
    return;
  }
  await connection.invoke("StartChat", propertyId, chatId, visitorId, el<HTMLInputElement>("name").value || null);
  const history: ConversationMessage[] = await connection.invoke("GetMessages", propertyId, chatId, visitorId, 0);
  history.forEach((m) => renderMessage(messages, m));
  startForm.hidden = true;
  composer.hidden = false;
  status.textContent = "Connected";
}

startForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  chatId = crypto.randomUUID();
  sessionStorage.setItem("conversations.chatId", chatId);
  try {
    await resume();
    text.focus();
  } catch (error) {
    status.textContent = errorText(error);
  }
});

composer.addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = text.value.trim();
  if (!body || !chatId) {
    return;
  }
  try {
    await connection.invoke("SendMessage", propertyId, chatId, visitorId, crypto.randomUUID(), body);
    text.value = "";
  } catch (error) {
    status.textContent = errorText(error);
  }
});

status.textContent = "Connecting…";
connection
  .start()
  .then(() => (chatId ? resume() : void (status.textContent = "")))
  .catch((error) => (status.textContent = `Cannot reach the chat service: ${errorText(error)}`));
