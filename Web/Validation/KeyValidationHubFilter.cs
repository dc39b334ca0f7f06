using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Validation;

/// <summary>Runs <see cref="EdgeKeys"/> on the key arguments of every hub method (a refusal reaches the caller as "Invalid: …").</summary>
public sealed class KeyValidationHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length && i < invocationContext.HubMethodArguments.Count; i++)
        {
            if (EdgeKeys.IsChecked(parameters[i]))
            {
                EdgeKeys.CheckArgument(parameters[i], invocationContext.HubMethodArguments[i]);
            }
        }

        return next(invocationContext);
    }
}
