import type { ConversationMessage } from "../events";

export type Bin = "Inbox" | "Trashed" | "Spam" | "Purged";

export interface ChatView {
  id: string;
  propertyId: string;
  visitorId: string;
  visitorName: string;
  visitorEmail: string | null;
  status: "Open" | "Closed";
  messageCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  bin: Bin;
  tags: string[];
  rating: { value: "Good" | "Bad"; comment: string | null } | null;
  ticketId: string | null;
  assignee: Assignee | null;
}

export interface Assignee {
  kind: "Agent" | "Department";
  id: string;
}

export interface TicketView {
  id: string;
  propertyId: string;
  subject: string;
  requester: { visitorId: string | null; name: string | null; email: string };
  status: "Open" | "Pending" | "Closed";
  assignee: Assignee | null;
  priority: "Lowest" | "Low" | "Medium" | "High" | "Highest";
  tags: string[];
  bin: Bin;
  messageCount: number;
  sourceChatId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type Conversation = { kind: "chat"; view: ChatView } | { kind: "ticket"; view: TicketView };

export interface PropertyAgent {
  id: string;
  email: string;
  name: string;
  role: string;
  presence: "Online" | "Away" | "Offline";
}

export interface Department {
  id: string;
  name: string;
}

export type { ConversationMessage };
