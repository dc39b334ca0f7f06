namespace Conversations.Web.Access;

/// <summary><c>Conversations:Seed:*</c>: a property and its first admin, created at start when set (first run and demo).</summary>
public sealed class SeedSettings
{
    public const string SectionName = "Conversations:Seed";

    public string? PropertyId { get; set; }

    public string PropertyName { get; set; } = "Demo";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public string AdminName { get; set; } = "Admin";
}
