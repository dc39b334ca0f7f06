using Conversations.LoadBalancer;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection(LoadBalancerSettings.SectionName).Get<LoadBalancerSettings>() ?? new();
if (settings.Problems() is [_, ..] problems)
{
    throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", problems));
}

builder.Services.AddSingleton<SignalRConnectionPinning>();
builder.Services.AddReverseProxy().LoadFromMemory(ProxyConfiguration.Routes(), ProxyConfiguration.Clusters(settings));

var app = builder.Build();
var pinning = app.Services.GetRequiredService<SignalRConnectionPinning>();
app.MapReverseProxy(proxy =>
{
    proxy.Use((context, next) => pinning.InvokeAsync(context, next));
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();
