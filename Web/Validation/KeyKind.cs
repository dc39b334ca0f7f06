namespace Conversations.Web.Validation;

/// <summary>Which rule a storage key follows.</summary>
public enum KeyKind
{
    /// <summary><see cref="Conversations.Grains.Interfaces.Properties.PropertyIds"/>: 2-63 lower-case letters, digits, dashes.</summary>
    PropertyId,

    /// <summary><see cref="Conversations.Grains.Interfaces.Common.TableKeys"/>: any other id that becomes part of a storage key.</summary>
    Id,
}
