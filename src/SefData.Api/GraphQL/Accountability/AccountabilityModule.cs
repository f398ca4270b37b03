namespace SefData.Api.GraphQL.Accountability;

/// <summary>Categorisation, Estyn inspections, measures and outcome agreements (filled in step 2).</summary>
public sealed class AccountabilityModule : ISchemaModule
{
    public void Configure(SchemaModuleContext context)
    {
    }
}
