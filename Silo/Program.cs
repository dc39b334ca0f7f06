using Conversations.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConversationsSilo();

var app = builder.Build();
app.MapConversationsSiloEndpoints();
app.Run();
