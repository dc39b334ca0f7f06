using Conversations.Web.Hosting;
using Conversations.Hosting.Settings;

return SettingsCheck.Run(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConversationsWeb();

    var app = builder.Build();
    app.MapConversationsWeb();
    app.Run();
});
