using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Validation;

namespace SefData.GraphQL.Http;

/// <summary>
/// The default document validator: graphql-js's specified rules (which include MaxIntrospectionDepthRule), plus
/// any extra rules the host adds.
/// </summary>
public sealed class SpecifiedRulesValidator : IGraphQLDocumentValidator
{
    private readonly IReadOnlyList<IValidationRule> _rules;

    public SpecifiedRulesValidator(IEnumerable<IValidationRule>? additionalRules = null) =>
        _rules = additionalRules is null ? SpecifiedRules.All : [.. SpecifiedRules.All, .. additionalRules];

    public IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, int maxErrors) =>
        DocumentValidator.Validate(schema, document, _rules, maxErrors);
}
