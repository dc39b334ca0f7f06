using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Routing;

namespace Conversations.Grains.Routing;

/// <summary>Checks routing settings and capacities (RTE-1); refusals are Invalid with a message for the admin.</summary>
public static class RoutingRules
{
    public const int MaxManualDepartments = 200;

    public static RoutingSettings Check(RoutingSettings settings)
    {
        if (settings is null)
        {
            throw DomainException.Invalid("Routing settings are required.");
        }

        Capacity(settings.DefaultChatCapacity, "The default chat capacity");
        Capacity(settings.DefaultTicketCapacity, "The default ticket capacity");
        if (settings.ReassignAfterSeconds != 0
            && settings.ReassignAfterSeconds is < RoutingSettings.MinReassignAfterSeconds or > RoutingSettings.MaxReassignAfterSeconds)
        {
            throw DomainException.Invalid(
                $"A chat is passed on after {RoutingSettings.MinReassignAfterSeconds} to {RoutingSettings.MaxReassignAfterSeconds} seconds without an answer, or never (0).");
        }

        var departments = (settings.ManualDepartments ?? []).Distinct().ToList();
        if (departments.Count > MaxManualDepartments)
        {
            throw DomainException.Invalid($"At most {MaxManualDepartments} departments can be manual.");
        }

        return settings with { ManualDepartments = departments };
    }

    public static int Capacity(int value, string what) => value is >= 0 and <= RoutingSettings.MaxCapacity
        ? value
        : throw DomainException.Invalid($"{what} must be between 0 and {RoutingSettings.MaxCapacity}.");
}
