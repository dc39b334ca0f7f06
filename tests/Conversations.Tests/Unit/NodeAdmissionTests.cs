using Conversations.Grains.Interfaces.Common;
using Conversations.Web.Admission;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Tests.Unit;

/// <summary>
/// OPS-3: a web node past its bound refuses at once (retriable) instead of queueing, and takes calls again as they end;
/// the bound shrinks while calls take longer than the target and grows back once they are fast again.
/// </summary>
public sealed class NodeAdmissionTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void OPS3_a_call_past_the_bound_is_refused_as_unavailable_and_admitted_once_one_ends()
    {
        using var admission = Admission(max: 2);
        var first = admission.Enter();
        using var second = admission.Enter();

        var refused = Assert.Throws<UnavailableException>(() => admission.Enter());
        Assert.Equal(NodeAdmission.RefusalMessage, refused.Message);

        first.Dispose();
        first.Dispose(); // a second dispose frees nothing more
        using var third = admission.Enter();
        Assert.Throws<UnavailableException>(() => admission.Enter());
    }

    [Fact]
    public void OPS3_while_calls_take_longer_than_the_target_the_excess_is_refused_at_a_lower_bound()
    {
        using var admission = Admission(max: 512, min: 16, targetMs: 100);
        CallsTaking(admission, 200, TimeSpan.FromSeconds(1)); // ten times the target

        // At most a quarter less per window: 200 in flight → 150.
        Assert.Equal(150, admission.Limit);
        var held = Enter(admission, 150);
        Assert.Throws<UnavailableException>(() => admission.Enter());
        _clock.Advance(TimeSpan.FromSeconds(1));
        EndAll(held);

        for (var window = 0; window < 10; window++)
        {
            CallsTaking(admission, admission.Limit, TimeSpan.FromSeconds(1));
        }

        Assert.Equal(16, admission.Limit); // never below the floor
    }

    [Fact]
    public void OPS3_once_calls_are_fast_again_a_used_bound_grows_back_to_its_ceiling()
    {
        using var admission = Admission(max: 512, min: 16, targetMs: 100);
        CallsTaking(admission, 40, TimeSpan.FromSeconds(2));
        Assert.Equal(30, admission.Limit);

        var windows = 0;
        while (admission.Limit < 512)
        {
            _clock.Advance(NodeAdmission.Window - TimeSpan.FromMilliseconds(10));
            CallsTaking(admission, admission.Limit, TimeSpan.FromMilliseconds(10)); // a tenth of the target
            windows++;
        }

        Assert.InRange(windows, 1, 6); // doubling: 30 → 60 → … → 512
    }

    [Fact]
    public void OPS3_slow_calls_below_the_floor_such_as_an_upload_leave_the_bound_alone()
    {
        using var admission = Admission(max: 512, min: 16, targetMs: 100);
        CallsTaking(admission, 3, TimeSpan.FromSeconds(30));

        Assert.Equal(512, admission.Limit);
    }

    [Fact]
    public void OPS3_a_target_of_zero_keeps_the_bound_fixed()
    {
        using var admission = Admission(max: 64, min: 16, targetMs: 0);
        CallsTaking(admission, 64, TimeSpan.FromSeconds(10));

        Assert.Equal(64, admission.Limit);
    }

    private NodeAdmission Admission(int max, int min = 16, int targetMs = 150) =>
        new(Options.Create(new AdmissionSettings { MaxCallsInFlight = max, MinCallsInFlight = min, TargetCallMilliseconds = targetMs }), _clock);

    /// <summary>Admits <paramref name="count"/> calls at once, lets <paramref name="duration"/> pass and ends them all.</summary>
    private void CallsTaking(NodeAdmission admission, int count, TimeSpan duration)
    {
        var calls = Enter(admission, count);
        _clock.Advance(duration);
        EndAll(calls);
    }

    private static List<AdmissionPermit> Enter(NodeAdmission admission, int count) => Enumerable.Range(0, count).Select(_ => admission.Enter()).ToList();

    private static void EndAll(List<AdmissionPermit> calls) => calls.ForEach(call => call.Dispose());
}
