using Conversations.Hosting.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Web.Admission;

public static class AdmissionExtensions
{
    public static IServiceCollection AddConversationsAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<AdmissionSettings>(configuration, AdmissionSettings.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NodeAdmission>();
        return services;
    }
}
