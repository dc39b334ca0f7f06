using Conversations.Web.Errors;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Conversations.Tests.Unit;

/// <summary>
/// OPS-4: a hub call in flight when the web node loses a gateway (a silo died) is answered as a transient failure at once,
/// not after the grain call timeout; a gateway joining, or a call started after the loss, is left alone.
/// </summary>
public sealed class GatewayLossHubFilterTests
{
    private static readonly HubInvocationContext Invocation = new(null!, null!, null!, typeof(object).GetMethod(nameof(ToString))!, []);

    [Fact]
    public async Task OPS4_a_call_in_flight_when_a_gateway_is_lost_fails_at_once_as_transient()
    {
        var changes = new GatewayChanges();
        var filter = new GatewayLossHubFilter(changes, Options.Create(new GatewayLossSettings()));
        var answer = new TaskCompletionSource<object?>();

        var call = filter.InvokeMethodAsync(Invocation, _ => new ValueTask<object?>(answer.Task)).AsTask();
        changes.NotifyGatewayCountChanged(3, 2, connectionRecovered: false); // a silo joined: nothing to give up
        await Task.Delay(100);
        Assert.False(call.IsCompleted);

        changes.NotifyGatewayCountChanged(2, 3, connectionRecovered: false);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(TransientFailures.IsTransient(failure), failure.ToString());

        // A call that starts after the loss waits for its own answer.
        var later = filter.InvokeMethodAsync(Invocation, _ => new ValueTask<object?>("ok")).AsTask();
        Assert.Equal("ok", await later);
        answer.SetException(new InvalidOperationException("the abandoned call's late failure is observed, not thrown"));
    }

    [Fact]
    public async Task OPS4_with_the_setting_off_a_call_waits_for_its_answer_through_a_loss()
    {
        var changes = new GatewayChanges();
        var filter = new GatewayLossHubFilter(changes, Options.Create(new GatewayLossSettings { AbandonHubCalls = false }));
        var answer = new TaskCompletionSource<object?>();

        var call = filter.InvokeMethodAsync(Invocation, _ => new ValueTask<object?>(answer.Task)).AsTask();
        changes.NotifyClusterConnectionLost();
        await Task.Delay(100);
        Assert.False(call.IsCompleted);
        answer.SetResult("late");
        Assert.Equal("late", await call);
    }
}
