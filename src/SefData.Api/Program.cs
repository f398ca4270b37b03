using SefData.Api.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddSefDataDatabase();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapHealth();
app.Run();

public partial class Program;
