using SefData.GraphQL.Validation.Rules;

namespace SefData.GraphQL.Validation;

/// <summary>graphql-js 16.11 <c>specifiedRules</c>, in its order (the order decides the order of reported errors).</summary>
public static class SpecifiedRules
{
    public static IReadOnlyList<IValidationRule> All { get; } =
    [
        ExecutableDefinitionsRule.Instance,
        UniqueOperationNamesRule.Instance,
        LoneAnonymousOperationRule.Instance,
        SingleFieldSubscriptionsRule.Instance,
        KnownTypeNamesRule.Instance,
        FragmentsOnCompositeTypesRule.Instance,
        VariablesAreInputTypesRule.Instance,
        ScalarLeafsRule.Instance,
        FieldsOnCorrectTypeRule.Instance,
        UniqueFragmentNamesRule.Instance,
        KnownFragmentNamesRule.Instance,
        NoUnusedFragmentsRule.Instance,
        PossibleFragmentSpreadsRule.Instance,
        NoFragmentCyclesRule.Instance,
        UniqueVariableNamesRule.Instance,
        NoUndefinedVariablesRule.Instance,
        NoUnusedVariablesRule.Instance,
        KnownDirectivesRule.Instance,
        UniqueDirectivesPerLocationRule.Instance,
        KnownArgumentNamesRule.Instance,
        UniqueArgumentNamesRule.Instance,
        ValuesOfCorrectTypeRule.Instance,
        ProvidedRequiredArgumentsRule.Instance,
        VariablesInAllowedPositionRule.Instance,
        OverlappingFieldsCanBeMergedRule.Instance,
        UniqueInputFieldNamesRule.Instance,
        // graphql-js recommendedRules, appended to specifiedRules since 16.9.
        MaxIntrospectionDepthRule.Instance,
    ];
}
