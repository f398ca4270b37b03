using SefData.Api.GraphQL;
using SefData.Api.Tests.Infrastructure;

namespace SefData.Api.Tests.Schema;

/// <summary>schema/schema.graphql is the published contract: it must match the running schema.</summary>
public sealed class SchemaFileTests(SqliteApiHost host)
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SefData.sln"))) return dir.FullName;
        throw new InvalidOperationException("SefData.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Committed_schema_file_matches_the_running_schema()
    {
        var path = Path.Combine(RepoRoot(), "schema", "schema.graphql");
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var current = SefDataSchema.PrintSdl();
        if (committed != current)
            Assert.Fail("schema/schema.graphql is out of date with the schema the API serves. Update it from the repository root with:\n"
                + "  dotnet run --project src/SefData.Cli -- schema export\nand commit the file.");
    }

    [Fact]
    public async Task Sdl_endpoint_serves_the_same_schema()
    {
        var served = await host.Client.GetStringAsync("/graphql/schema.graphql", TestContext.Current.CancellationToken);
        Assert.Equal(SefDataSchema.PrintSdl().TrimEnd('\n'), served.TrimEnd('\n'));
    }

    [Fact]
    public void Schema_composes_without_a_database()
    {
        var schema = SefDataSchema.Build();
        foreach (var name in new[] { "School", "LocalAuthority", "Consortium", "Node", "Error", "SeriesUnavailable", "AcademicYear", "Inspection" })
            Assert.NotNull(schema.GetType(name));
    }
}
