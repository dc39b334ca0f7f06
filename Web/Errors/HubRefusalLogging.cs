using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Web.Errors;

public static class HubRefusalLogging
{
    /// <summary>Wraps the registered logger factory in a <see cref="HubRefusalLoggerFactory"/>.</summary>
    public static IServiceCollection AddHubRefusalLogging(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Logging must be added before the hub refusal logging.");
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new HubRefusalLoggerFactory(Create(provider, registered))));
        return services;
    }

    private static ILoggerFactory Create(IServiceProvider provider, ServiceDescriptor registered) => registered switch
    {
        { ImplementationInstance: ILoggerFactory instance } => instance,
        { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
        { ImplementationType: { } type } => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, type),
        _ => throw new InvalidOperationException("The registered logger factory cannot be wrapped."),
    };
}
