using Conversations.Silo.Hosting;
using Conversations.Hosting.Settings;

return SettingsCheck.Run(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConversationsSilo();

    var app = builder.Build();
    app.MapConversationsSiloEndpoints();
    app.Run();
});
