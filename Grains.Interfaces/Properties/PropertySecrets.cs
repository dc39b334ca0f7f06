namespace Conversations.Grains.Interfaces.Properties;

[GenerateSerializer, Immutable, Alias("Conversations.PropertySecrets")]
public sealed record PropertySecrets(
    [property: Id(0)] string VisitorSigningKey,
    [property: Id(1)] string IdentitySecret);
