using System.ComponentModel.DataAnnotations;
using Conversations.Grains.Interfaces.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Hosting.Settings;

/// <summary>
/// Settings bound from configuration and validated before the process serves anything: through options
/// (<c>ValidateOnStart</c>, data annotations and the validator given) for what is read when needed, and at once for what
/// composes the host itself (storage clients, ports). Either way a bad value stops the process at start, naming the setting.
/// </summary>
public static class ValidatedSettings
{
    /// <summary><c>Conversations:*</c>, validated now and at start.</summary>
    public static ConversationsSettings AddConversationsSettings(this IServiceCollection services, IConfiguration configuration) =>
        services.AddValidatedSettings(configuration, ConversationsSettings.SectionName, new ConversationsSettingsValidator());

    /// <summary>Binds <paramref name="sectionName"/> as <typeparamref name="T"/> for IOptions, and returns it once validated.</summary>
    public static T AddValidatedSettings<T>(this IServiceCollection services, IConfiguration configuration, string sectionName, IValidateOptions<T>? validator = null)
        where T : class, new()
    {
        services.AddOptions<T>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        if (validator is not null)
        {
            services.AddSingleton(validator);
        }

        T settings;
        try
        {
            settings = configuration.GetSection(sectionName).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong type ("abc" for a number): the binder names the key in its inner exception.
            throw new InvalidSettingsException($"{e.Message} {e.InnerException?.Message}".TrimEnd());
        }

        // The same checks as at start, with each annotation's own message (it names the setting).
        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), annotations, validateAllProperties: true);
        var failures = annotations.Select(a => a.ErrorMessage ?? string.Join(", ", a.MemberNames) + " is not valid.").ToList();
        if (validator?.Validate(Options.DefaultName, settings) is { Failed: true } result)
        {
            failures.AddRange(result.Failures);
        }

        return failures.Count == 0 ? settings : throw new InvalidSettingsException(string.Join(" ", failures));
    }
}
