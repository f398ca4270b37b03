using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.1 Field Selections: the field exists on the parent type, with graphql-js's suggestions.</summary>
public sealed class FieldsOnCorrectTypeRule : IValidationRule
{
    public static FieldsOnCorrectTypeRule Instance { get; } = new();
    public string Name => nameof(FieldsOnCorrectTypeRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Field))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var type = Context.ParentType;
            if (type is null || Context.FieldDefinition is not null) return VisitAction.Continue;
            var fieldName = ((FieldNode)node).Name.Value;
            // Types that have the field first (an inline fragment would fix the query); else maybe a typo.
            var suggestion = Suggestions.DidYouMean("to use an inline fragment on", SuggestedTypeNames(Context.Schema, type, fieldName));
            if (suggestion.Length == 0) suggestion = Suggestions.DidYouMean(SuggestedFieldNames(type, fieldName));
            Context.ReportError(new GraphQLError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, [node]));
            return VisitAction.Continue;
        }
    }

    private static List<string> SuggestedTypeNames(Schema schema, NamedType type, string fieldName)
    {
        if (!type.IsAbstractType()) return [];
        var suggested = new List<NamedType>();
        var usageCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possibleType in schema.GetPossibleTypes(type))
        {
            if (possibleType.GetField(fieldName) is null) continue;
            if (!suggested.Contains(possibleType)) suggested.Add(possibleType);
            usageCount[possibleType.Name] = 1;
            foreach (var possibleInterface in possibleType.Interfaces)
            {
                if (possibleInterface.GetField(fieldName) is null) continue;
                if (!suggested.Contains(possibleInterface)) suggested.Add(possibleInterface);
                usageCount[possibleInterface.Name] = usageCount.GetValueOrDefault(possibleInterface.Name) + 1;
            }
        }
        StableSort.Sort(suggested, (a, b) =>
        {
            var diff = usageCount[b.Name] - usageCount[a.Name];
            if (diff != 0) return diff;
            // Super types before their subtypes.
            if (a is InterfaceType && schema.IsSubType(a, b)) return -1;
            if (b is InterfaceType && schema.IsSubType(b, a)) return 1;
            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        var names = new List<string>(suggested.Count);
        foreach (var t in suggested) names.Add(t.Name);
        return names;
    }

    private static IReadOnlyList<string> SuggestedFieldNames(NamedType type, string fieldName)
    {
        if (type is not ComplexType complex) return [];
        var names = new string[complex.Fields.Count];
        for (var i = 0; i < names.Length; i++) names[i] = complex.Fields[i].Name;
        return Suggestions.SuggestionList(fieldName, names);
    }
}
