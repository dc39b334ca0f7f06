using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Conversations;

/// <summary>
/// A status transition table with one final status (closed): moves not in the table are conflicts,
/// every move out of the final status is irreversible, and moving to the current status changes nothing.
/// Value 0 of <typeparamref name="TStatus"/> means "not created" and is never a target.
/// </summary>
public sealed class StatusTransitions<TStatus>(
    string noun, TStatus final, Func<TStatus, string> irreversible, params (TStatus From, TStatus To)[] allowed)
    where TStatus : struct, Enum
{
    private readonly HashSet<(TStatus From, TStatus To)> _allowed = [.. allowed];

    private readonly string _names = string.Join(", ", Enum.GetValues<TStatus>().Where(s => Convert.ToInt32(s) != 0));

    /// <summary>True when the status changes, false when it is already <paramref name="to"/>; throws when refused.</summary>
    public bool Check(TStatus from, TStatus to)
    {
        if (!Enum.IsDefined(to) || Convert.ToInt32(to) == 0)
        {
            throw DomainException.Invalid($"'{to}' is not a {noun} status ({_names}).");
        }

        if (from.Equals(to))
        {
            return false;
        }

        if (from.Equals(final))
        {
            throw DomainException.Irreversible(irreversible(to));
        }

        return _allowed.Contains((from, to)) ? true : throw DomainException.Conflict($"A {noun} cannot go from {from} to {to}.");
    }
}
