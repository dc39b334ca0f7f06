using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Web.Access;

public static class AccessExtensions
{
    public static IServiceCollection AddConversationsAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSharedKeyRing(configuration);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "conversations.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);

                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = context => WriteStatusAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => WriteStatusAsync(context.HttpContext, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o => o.DefaultPolicy = new AuthorizationPolicyBuilder(
                CookieAuthenticationDefaults.AuthenticationScheme, ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .Build());
        services.AddOptions<AccessSettings>()
            .Bind(configuration.GetSection(AccessSettings.SectionName))
            .Validate(a => a.RoleCacheLifetime >= TimeSpan.Zero && a.RecheckPeriod > TimeSpan.Zero,
                $"{AccessSettings.SectionName}: RoleCacheLifetime must be zero or more and RecheckPeriod more than zero.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RoleCache>();
        services.AddSingleton<PropertyAccess>();
        services.AddSingleton<AccessRevocations>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessRevocations>());
        services.AddSingleton<AgentProvisioning>();
        services.Configure<SeedSettings>(configuration.GetSection(SeedSettings.SectionName));
        services.AddHostedService<FirstRunSeeder>();
        return services;
    }

    private static Task WriteStatusAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Detail = status == StatusCodes.Status401Unauthorized ? "Sign in first." : "You may not do this.",
            },
        }).AsTask();
    }
}
