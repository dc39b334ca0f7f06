namespace Conversations.Grains.Interfaces.Common;

/// <summary>Why a grain refused a command. The API maps each to a status code.</summary>
public enum DomainErrorCode
{
    NotFound = 0,
    Invalid = 1,
    Conflict = 2,
    Irreversible = 3,
    Forbidden = 4,
}
