import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { type ConversationEvent, type ConversationMessage, errorText, renderMessage } from "./events";

const propertyId = new URLSearchParams(location.search).get("property") ?? "demo";
const tokenKey = `conversations.visitorToken.${propertyId}`;
let visitorToken = "";
let chatId = sessionStorage.getItem(`conversations.chatId.${propertyId}`);

/** Gets (or renews) the signed visitor token that every hub call carries. */
async function openSession(): Promise<void> {
  const response = await fetch("/api/v1/widget/sessions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ propertyId, visitorToken: localStorage.getItem(tokenKey) }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `The chat service answered ${response.status}.`);
  }
  visitorToken = (await response.json()).visitorToken;
  localStorage.setItem(tokenKey, visitorToken);
}

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
  await connection.invoke("StartChat", propertyId, visitorToken, chatId, el<HTMLInputElement>("name").value || null);
  const history: ConversationMessage[] = await connection.invoke("GetMessages", propertyId, visitorToken, chatId, 0);
  history.forEach((m) => renderMessage(messages, m));
  startForm.hidden = true;
  composer.hidden = false;
  status.textContent = "Connected";
}

startForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  chatId = crypto.randomUUID();
  sessionStorage.setItem(`conversations.chatId.${propertyId}`, chatId);
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
    await connection.invoke("SendMessage", propertyId, visitorToken, chatId, crypto.randomUUID(), body);
    text.value = "";
  } catch (error) {
    status.textContent = errorText(error);
  }
});

status.textContent = "Connecting…";
openSession()
  .then(() => connection.start())
  .then(() => (chatId ? resume() : void (status.textContent = "")))
  .catch((error) => (status.textContent = `Cannot reach the chat service: ${errorText(error)}`));
