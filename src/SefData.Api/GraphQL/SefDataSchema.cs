using SefData.Api.GraphQL.Accountability;
using SefData.Api.GraphQL.Core;
using SefData.Api.GraphQL.Organisation;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL;

/// <summary>
/// One feature area of the schema. A module adds its types and fields to the shared builder; types are shared by
/// name, so calling <c>builder.Object("School", ...)</c> or <c>builder.Query(...)</c> again adds fields to the type
/// another module declared. Modules must not touch the database while configuring (the schema is printed offline).
/// </summary>
public interface ISchemaModule
{
    void Configure(SchemaModuleContext context);
}

/// <summary>What a module configures: the builder, and the registry that lets <c>node(id:)</c> load its types.</summary>
public sealed class SchemaModuleContext(SchemaBuilder builder, NodeRegistry nodes)
{
    public SchemaBuilder Builder { get; } = builder;
    public NodeRegistry Nodes { get; } = nodes;
}

/// <summary>Composes the public schema from the modules. Needs no database and no services: the CLI prints it offline.</summary>
public static class SefDataSchema
{
    /// <summary>Every module, in composition order. Add a new module here (one line).</summary>
    public static IReadOnlyList<ISchemaModule> Modules { get; } =
    [
        new CoreModule(),
        new OrganisationModule(),
        new AccountabilityModule(),
        new Aggregates.AggregatesModule(),
        new Brokerage.BrokerageModule(),
        new Recording.RecordingModule(),
    ];

    public static Schema Build()
    {
        var builder = new SchemaBuilder()
            .Description("SefData: school improvement data for Wales (National Model for School Improvement).");
        var context = new SchemaModuleContext(builder, new NodeRegistry());
        foreach (var module in Modules) module.Configure(context);
        context.Nodes.Seal();
        return builder.Build();
    }

    /// <summary>The SDL as committed in schema/schema.graphql.</summary>
    public static string PrintSdl() => SefData.GraphQL.Utilities.SchemaPrinter.Print(Build()) + "\n";
}
