using System.Reflection;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Validation;

/// <summary>
/// The one check of every key a request carries into storage (route values, query values, hub arguments
/// and body fields), run before any grain is called: a bad key answers 422 (REST) or "Invalid: …" (hubs)
/// with the field's name and the rule, instead of failing in storage. The value itself is never echoed.
/// </summary>
public static class EdgeKeys
{
    /// <summary>Route, query and hub parameters that name a stored thing, by parameter name.</summary>
    private static readonly Dictionary<string, KeyKind> Parameters = new(StringComparer.Ordinal)
    {
        ["propertyId"] = KeyKind.PropertyId,
        ["visitorId"] = KeyKind.Id,
        ["organizationId"] = KeyKind.Id,
        ["attachmentId"] = KeyKind.Id,
    };

    /// <summary>True when the parameter's value must be checked: a key named in <see cref="Parameters"/>, or a body naming its keys.</summary>
    public static bool IsChecked(ParameterInfo parameter) =>
        (parameter.ParameterType == typeof(string) && parameter.Name is { } name && Parameters.ContainsKey(name))
        || typeof(IHasStorageKeys).IsAssignableFrom(parameter.ParameterType);

    /// <summary>Refuses the argument of a checked parameter when any key in it breaks its rule.</summary>
    public static void CheckArgument(ParameterInfo parameter, object? value)
    {
        if (value is IHasStorageKeys body)
        {
            foreach (var key in body.StorageKeys())
            {
                Check(key);
            }
        }
        else if (parameter.ParameterType == typeof(string) && parameter.Name is { } name && Parameters.TryGetValue(name, out var kind))
        {
            Check(new StorageKey(name, value as string, kind));
        }
    }

    public static void Check(StorageKey key)
    {
        if (key.Optional && key.Value is null)
        {
            return;
        }

        switch (key.Kind)
        {
            case KeyKind.PropertyId when !PropertyIds.IsValid(key.Value):
                throw DomainException.Invalid(
                    $"'{key.Field}' is not a valid property id: a property id is 2-63 lower-case letters, digits or dashes, starting with a letter or digit.");
            case KeyKind.Id:
                TableKeys.Require(key.Value, $"'{key.Field}'");
                break;
        }
    }
}
