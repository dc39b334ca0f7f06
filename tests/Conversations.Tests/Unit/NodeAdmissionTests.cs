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
        var calls = Enumerable.Range(0, 200).Select(_ => admission.Enter()).ToList();
        _clock.Advance(TimeSpan.FromSeconds(1)); // ten times the target
        EndAll(calls);

        // At most a quarter less per window: 200 in flight → 150.
        Assert.Equal(150, admission.Limit);
        calls = Enumerable.Range(0, 150).Select(_ => admission.Enter()).ToList();
        Assert.Throws<UnavailableException>(() => admission.Enter());

        for (var window = 0; window < 10; window++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            EndAll(calls);
            calls = Enumerable.Range(0, admission.Limit).Select(_ => admission.Enter()).ToList();
        }

        Assert.Equal(16, admission.Limit); // never below the floor
        EndAll(calls);
    }

    [Fact]
    public void OPS3_once_calls_are_fast_again_a_used_bound_grows_back_to_its_ceiling()
    {
        using var admission = Admission(max: 512, min: 16, targetMs: 100);
        var slow = Enumerable.Range(0, 40).Select(_ => admission.Enter()).ToList();
        _clock.Advance(TimeSpan.FromSeconds(2));
        EndAll(slow);
        Assert.Equal(30, admission.Limit);

        var windows = 0;
        while (admission.Limit < 512)
        {
            _clock.Advance(NodeAdmission.Window - TimeSpan.FromMilliseconds(10));
            var calls = Enumerable.Range(0, admission.Limit).Select(_ => admission.Enter()).ToList();
            _clock.Advance(TimeSpan.FromMilliseconds(10)); // a tenth of the target
            EndAll(calls);
            windows++;
        }

        Assert.InRange(windows, 1, 6); // doubling: 30 → 60 → … → 512
    }

    [Fact]
    public void OPS3_slow_calls_below_the_floor_such_as_an_upload_leave_the_bound_alone()
    {
        using var admission = Admission(max: 512, min: 16, targetMs: 100);
        var uploads = Enumerable.Range(0, 3).Select(_ => admission.Enter()).ToList();
        _clock.Advance(TimeSpan.FromSeconds(30));
        EndAll(uploads);

        Assert.Equal(512, admission.Limit);
    }

    [Fact]
    public void OPS3_a_target_of_zero_keeps_the_bound_fixed()
    {
        using var admission = Admission(max: 64, min: 16, targetMs: 0);
        var calls = Enumerable.Range(0, 64).Select(_ => admission.Enter()).ToList();
        _clock.Advance(TimeSpan.FromSeconds(10));
        EndAll(calls);

        Assert.Equal(64, admission.Limit);
    }

    private NodeAdmission Admission(int max, int min = 16, int targetMs = 150) =>
        new(Options.Create(new AdmissionSettings { MaxCallsInFlight = max, MinCallsInFlight = min, TargetCallMilliseconds = targetMs }), _clock);

    private static void EndAll(List<AdmissionPermit> calls) => calls.ForEach(call => call.Dispose());
}
