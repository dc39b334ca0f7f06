namespace Conversations.Web.Visitors;

public sealed record LinkOrganizationRequest(string? OrganizationId);
