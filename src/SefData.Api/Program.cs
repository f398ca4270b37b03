using SefData.Api.GraphQL;
using SefData.Api.Startup;
using SefData.GraphQL.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddSefDataDatabase();
builder.Services.AddSefDataGraphQL();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapHealth();
app.MapGraphQL("/graphql"); // POST/GET queries, the IDE for browsers, and /graphql/schema.graphql
app.Run();

public partial class Program;
