using Conversations.Hosting.Settings;

namespace Conversations.Web.Admission;

public static class AdmissionExtensions
{
    public static IServiceCollection AddConversationsAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<AdmissionSettings>(configuration, AdmissionSettings.SectionName);
        services.AddSingleton<NodeAdmission>();
        return services;
    }
}
