using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

/// <summary>buildSchema + printSchema + validateSchema agree with graphql-js on every corpus document.</summary>
public class SchemaDifferentialTests
{
    public static TheoryData<string> Ids => SchemaCorpus.Ids();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Matches_graphql_js(string id)
    {
        var oracle = SchemaCorpus.Oracle(id);
        SchemaBuilder builder;
        try
        {
            builder = SchemaBuilder.FromSdl(SchemaCorpus.Get(id).Document);
        }
        catch (GraphQLError syntaxError)
        {
            Assert.Equal(oracle.BuildError, syntaxError.Message);
            return;
        }
        var built = builder.TryBuild(out var schema, out var errors);
        if (oracle.BuildError is not null)
        {
            // graphql-js assertValidSDL throws the SDL errors joined by blank lines.
            Assert.False(built, $"graphql-js refused it: {oracle.BuildError}");
            Assert.Null(schema);
            Assert.Equal(oracle.BuildError, string.Join("\n\n", errors.Select(e => e.Message)));
            return;
        }
        Assert.NotNull(schema);
        if (oracle.PrintError is not null)
            Assert.Equal(oracle.PrintError, Assert.Throws<InvalidOperationException>(() => SchemaPrinter.Print(schema)).Message);
        else
            Assert.Equal(oracle.Printed, SchemaPrinter.Print(schema));
        var expected = oracle.Errors.Select(e => e.Message + " @ " + string.Join(" ", e.Locations)).ToList();
        var actual = schema.Validate().Select(e => e.Message + " @ " + string.Join(" ", e.Locations.Select(l => (l.Line, l.Column)))).ToList();
        Assert.Equal(expected, actual);
    }

    public static TheoryData<string> ValidIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in SchemaCorpus.Cases)
            {
                if (SchemaCorpus.Oracle(c.Id).Introspection is not null) data.Add(c.Id);
            }
            return data;
        }
    }

    /// <summary>The introspection types' resolvers give graphql-js's answer to the full introspection query.</summary>
    [Theory]
    [MemberData(nameof(ValidIds))]
    public void Introspection_matches_graphql_js(string id)
    {
        var schema = SchemaBuilder.BuildSchema(SchemaCorpus.Get(id).Document);
        var data = MiniExecutor.Execute(schema, SchemaCorpus.IntrospectionQuery);
        Assert.Equal(SchemaCorpus.Oracle(id).Introspection, JsonValues.ToJsonString(data));
    }
}
