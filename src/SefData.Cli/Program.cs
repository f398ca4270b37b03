using System.CommandLine;
using SefData.Cli;

var provider = new Option<string?>("--provider") { Description = "Sqlite or Postgres (default: Database:Provider, else Sqlite)." };
var connection = new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings:SefData, else ./data/sefdata.db)." };

var scale = new Option<int>("--scale") { Description = "Size multiplier: 1 = about 1,500 schools (Wales), 10 = 15,000, 100 = 150,000.", DefaultValueFactory = _ => 1 };
var seed = new Option<int>("--seed") { Description = "Random seed: the same scale and seed always give identical data.", DefaultValueFactory = _ => 42 };
var replace = new Option<bool>("--replace") { Description = "Delete existing school-level data (all of it, not only generated rows) before seeding." };

var seedCommand = new Command("seed", "Apply migrations, then fill the database with deterministic synthetic demo data.")
{
    scale, seed, replace, provider, connection,
};
seedCommand.SetAction((result, ct) => Commands.SeedAsync(
    new Target(result.GetValue(provider), result.GetValue(connection)),
    result.GetValue(scale), result.GetValue(seed), result.GetValue(replace), ct));

var migrateCommand = new Command("migrate", "Apply pending migrations (schema and reference data).") { provider, connection };
migrateCommand.SetAction((result, ct) => Commands.MigrateAsync(new Target(result.GetValue(provider), result.GetValue(connection)), ct));

var output = new Option<string>("--output") { Description = "Where to write the SDL.", DefaultValueFactory = _ => Path.Combine("schema", "schema.graphql") };
var exportCommand = new Command("export", "Print the GraphQL schema (SDL) to a file; needs no database.") { output };
exportCommand.SetAction((result, ct) => SchemaCommands.ExportAsync(result.GetValue(output)!, ct));
var schemaCommand = new Command("schema", "GraphQL schema tools.") { exportCommand };

var root = new RootCommand("SefData command-line tool: database migrations, synthetic demo data and the GraphQL schema.") { seedCommand, migrateCommand, schemaCommand };
return await root.Parse(args).InvokeAsync();
