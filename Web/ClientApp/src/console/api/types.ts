import type { components } from "../../api/schema";

/** The REST API's records, as the OpenAPI document describes them. */
type Schemas = components["schemas"];

export type ChatView = Schemas["ChatView"];
export type TicketView = Schemas["TicketView"];
export type InboxRow = Schemas["InboxRow"];
export type InboxPage = Schemas["InboxPageResponse"];
export type BulkItemResult = Schemas["BulkItemResult"];
export type ConversationMessage = Schemas["ConversationMessage"];
export type PropertyAgent = Schemas["PropertyAgent"];
export type Department = Schemas["DepartmentView"];
export type Assignee = Schemas["ConversationAssignee"];
export type Priority = Schemas["TicketPriority"];
export type Presence = PropertyAgent["presence"];
export type Me = Schemas["AgentView"];
export type NotificationPreferences = Schemas["NotificationPreferences"];
export type PropertyView = Schemas["PropertyView"];
export type VisitorProfile = Schemas["VisitorProfile"];
export type PageView = Schemas["PageView"];
export type ConversationLink = Schemas["ConversationLink"];
export type OrganizationView = Schemas["OrganizationView"];
export type ArticleSearchHit = Schemas["ArticleSearchHit"];
export type Shortcut = Schemas["Shortcut"];
export type KnowledgeBaseView = Schemas["KnowledgeBaseView"];
export type VisitorBan = Schemas["VisitorBan"];
export type ReportView = Schemas["ReportView"];
export type ReportFigures = Schemas["ReportFigures"];
export type AuditEntry = Schemas["AuditEntry"];

export type Conversation = { kind: "chat"; view: ChatView } | { kind: "ticket"; view: TicketView };
export type ConversationKind = Conversation["kind"];
export type View = "all" | "chats" | "tickets" | "trash" | "spam";

export const priorities: Priority[] = ["Lowest", "Low", "Medium", "High", "Highest"];
export type MessageAttachment = Schemas["MessageAttachment"];
export type RoutingView = Schemas["RoutingView"];
export type SlaSettings = Schemas["SlaSettings"];
export type SlaStatus = Schemas["SlaStatus"];
export type SearchPage = Schemas["ConversationSearchPage"];
export type SearchHit = Schemas["ConversationSearchHit"];
