using Conversations.Hosting.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Access;

/// <summary>What lets several web nodes stand behind one address: a shared key ring, and the proxy's forwarded scheme.</summary>
public static class SharedKeyRing
{
    /// <summary>Every node protects cookies under the same application name (the default is the content root path).</summary>
    public const string ApplicationName = "conversations";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new BlobKeyRepository(sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>())));
        services.AddHostedService<KeyRingWarmUp>();

        // Behind a proxy (the local load balancer, Container Apps ingress) the scheme the browser used comes in X-Forwarded-Proto;
        // the same-origin check compares it with Origin. Trusted only where X-Forwarded-For is (Conversations:TrustForwardedFor).
        if (configuration.GetValue<bool>("Conversations:TrustForwardedFor"))
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
        }

        return services;
    }
}
