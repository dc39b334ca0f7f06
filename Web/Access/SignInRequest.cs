namespace Conversations.Web.Access;

public sealed record SignInRequest(string Email, string Password);
