namespace Conversations.Tests.Fuzz;

/// <summary>Who sends a fuzzed request.</summary>
public enum FuzzRole
{
    /// <summary>An admin of the own property (cookie).</summary>
    Admin,

    /// <summary>An agent (not admin) of the own property (API token on REST, cookie on the hub).</summary>
    Agent,

    /// <summary>An admin of a third property, reaching for the own and the foreign property (cookie).</summary>
    ForeignAgent,

    /// <summary>No credentials at all.</summary>
    Anonymous,

    /// <summary>A widget visitor: no credentials, visitor tokens in the arguments, an address of its own.</summary>
    Visitor,
}
