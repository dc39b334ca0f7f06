using Conversations.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConversationsWeb();

var app = builder.Build();
app.MapConversationsWeb();
app.Run();
