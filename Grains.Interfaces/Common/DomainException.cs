namespace Conversations.Grains.Interfaces.Common;

/// <summary>A rule of a grain refused a command; the message is safe to show to the caller.</summary>
[GenerateSerializer, Alias("Conversations.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorCode code, string message) : base(message) => Code = code;

    [Id(0)]
    public DomainErrorCode Code { get; }

    public static DomainException NotFound(string what) => new(DomainErrorCode.NotFound, $"{what} was not found.");

    public static DomainException Invalid(string message) => new(DomainErrorCode.Invalid, message);

    public static DomainException Conflict(string message) => new(DomainErrorCode.Conflict, message);

    public static DomainException Irreversible(string message) => new(DomainErrorCode.Irreversible, message);
}
