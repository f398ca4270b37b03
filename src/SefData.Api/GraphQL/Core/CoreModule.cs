using SefData.GraphQL;
using SefData.GraphQL.Data;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Core;

/// <summary>
/// Shared by every module: scalars (Date, DateTime, Decimal, Long, AcademicYear), Relay node identification,
/// the <c>SeriesUnavailable</c> reason, and the mutation error types (<c>interface Error</c>, DomainRuleError,
/// ValidationError, ConcurrencyError).
/// </summary>
public sealed class CoreModule : ISchemaModule
{
    public void Configure(SchemaModuleContext context)
    {
        var nodes = context.Nodes;
        context.Builder
            .AddDataScalars()
            .Scalar(AcademicYearScalar.Instance)
            .BindClrType(typeof(DateOnly), "Date")
            .BindClrType(typeof(DateTimeOffset), "DateTime")
            .BindClrType(typeof(decimal), "Decimal")
            .Interface("Node", i => i
                .Description("An object with a global id (Relay). Ids are opaque: do not parse them.")
                .Field("id", "ID!", f => f.Description("The global id.")))
            .Query(q => q
                .Field("node", "Node", f => f
                    .Description("The object with this global id; null when it does not exist.")
                    .Argument("id", "ID!")
                    .Resolve(ctx => nodes.LoadAsync(ctx, ctx.GetArgument<string>("id")!)))
                .Field("nodes", "[Node]!", f => f
                    .Description($"The objects with these global ids, in order (null where one does not exist). At most {NodeRegistry.MaxNodes} ids.")
                    .Argument("ids", "[ID!]!")
                    .Resolve(async ctx =>
                    {
                        var ids = ctx.GetArgument<List<string>>("ids")!;
                        if (ids.Count > NodeRegistry.MaxNodes)
                            throw new GraphQLError($"At most {NodeRegistry.MaxNodes} ids can be resolved at once (got {ids.Count}).",
                                extensions: new Dictionary<string, object?> { ["code"] = NodeRegistry.TooManyIdsCode });
                        // All loads are issued before awaiting so ids of one type share one batch.
                        var tasks = ids.Select(id => nodes.LoadAsync(ctx, id)).ToList();
                        var results = new List<object?>(tasks.Count);
                        foreach (var t in tasks) results.Add(await t);
                        return results;
                    })))
            .Enum<DataSeries>("DataSeries", e => e.Description("A dated national data series."))
            .Enum<SeriesUnavailableReason>("SeriesUnavailableReason")
            .Object<SeriesUnavailable>(t => t
                .Description("The series does not exist for the year asked (not started, suspended or ended): a reason, not an empty list.")
                .Field(x => x.Series).Field(x => x.Reason).Field(x => x.Message))
            .Interface("Error", i => i
                .Description("A typed error in a mutation payload.")
                .Field("message", "String!"))
            .Object<DomainRuleError>(t => t.Implements("Error")
                .Description("A domain rule was broken; nothing was written. `code` is stable (e.g. CATEGORISATION_YEAR).")
                .Field(x => x.Code).Field(x => x.Message))
            .Object<ValidationError>(t => t.Implements("Error")
                .Description("An input value is not acceptable (e.g. an unknown school number).")
                .Field(x => x.Code).Field(x => x.Message).Field(x => x.Field))
            .Object<ConcurrencyError>(t => t.Implements("Error")
                .Description("The object was changed by someone else: the version sent is stale. Re-read and retry.")
                .Field(x => x.Message).Field(x => x.ExpectedVersion).Field(x => x.ActualVersion));
    }
}

public static class SchemaBuilderExtensions
{
    /// <summary>
    /// Declares <c>{mutation}Error</c>, the union of a payload's error types, e.g.
    /// <c>b.PayloadErrors("RecordCategorisation", "DomainRuleError", "ConcurrencyError")</c> → <c>RecordCategorisationError</c>.
    /// </summary>
    public static SchemaBuilder PayloadErrors(this SchemaBuilder builder, string mutationTypePrefix, params string[] errorTypes) =>
        builder.Union(mutationTypePrefix + "Error", u => u.Members(errorTypes));
}
