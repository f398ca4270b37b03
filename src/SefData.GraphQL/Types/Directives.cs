using SefData.GraphQL.Language;

namespace SefData.GraphQL.Types;

/// <summary>Where a directive may appear (spec 3.13), in __DirectiveLocation order.</summary>
public enum DirectiveLocation
{
    // Executable locations.
    Query, Mutation, Subscription, Field, FragmentDefinition, FragmentSpread, InlineFragment, VariableDefinition,
    // Type system locations.
    Schema, Scalar, Object, FieldDefinition, ArgumentDefinition, Interface, Union, Enum, EnumValue, InputObject,
    InputFieldDefinition,
}

public static class DirectiveLocationExtensions
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    /// <summary>The spec name, e.g. <c>FIELD_DEFINITION</c>.</summary>
    public static string ToSpecName(this DirectiveLocation location) => Names[(int)location];

    public static bool TryParse(string specName, out DirectiveLocation location)
    {
        var index = Array.IndexOf(Names, specName);
        location = (DirectiveLocation)Math.Max(index, 0);
        return index >= 0;
    }

    public static IReadOnlyList<string> AllSpecNames => Names;
}

/// <summary>A directive definition (built-in or custom).</summary>
public sealed class DirectiveDefinition
{
    /// <summary>graphql-js DEFAULT_DEPRECATION_REASON.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    public DirectiveDefinition(
        string name,
        IEnumerable<DirectiveLocation> locations,
        IEnumerable<ArgumentDefinition>? arguments = null,
        bool isRepeatable = false)
    {
        NameValidation.AssertName(name);
        Name = name;
        Locations = [.. locations];
        Arguments = arguments is null ? [] : [.. arguments];
        IsRepeatable = isRepeatable;
    }

    public string Name { get; }
    public string? Description { get; init; }
    public IReadOnlyList<DirectiveLocation> Locations { get; }
    public IReadOnlyList<ArgumentDefinition> Arguments { get; }
    public bool IsRepeatable { get; }
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = EmptyMetadata.Instance;
    public DirectiveDefinitionNode? AstNode { get; init; }

    public ArgumentDefinition? GetArgument(string name)
    {
        foreach (var arg in Arguments)
        {
            if (arg.Name == name) return arg;
        }
        return null;
    }

    public override string ToString() => "@" + Name;

    public static readonly DirectiveDefinition Include = new(
        "include",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        [new ArgumentDefinition("if", new NonNullType(ScalarType.Boolean)) { Description = "Included when true." }])
    {
        Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
    };

    public static readonly DirectiveDefinition Skip = new(
        "skip",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        [new ArgumentDefinition("if", new NonNullType(ScalarType.Boolean)) { Description = "Skipped when true." }])
    {
        Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
    };

    public static readonly DirectiveDefinition Deprecated = new(
        "deprecated",
        [
            DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition,
            DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue,
        ],
        [
            new ArgumentDefinition("reason", ScalarType.String)
            {
                Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                DefaultValue = DefaultDeprecationReason,
            },
        ])
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
    };

    public static readonly DirectiveDefinition SpecifiedBy = new(
        "specifiedBy",
        [DirectiveLocation.Scalar],
        [
            new ArgumentDefinition("url", new NonNullType(ScalarType.String))
            {
                Description = "The URL that specifies the behavior of this scalar.",
            },
        ])
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
    };

    public static readonly DirectiveDefinition OneOf = new("oneOf", [DirectiveLocation.InputObject])
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    /// <summary>graphql-js specifiedDirectives, in its order.</summary>
    public static IReadOnlyList<DirectiveDefinition> SpecifiedDirectives { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecifiedDirective(DirectiveDefinition directive)
    {
        foreach (var d in SpecifiedDirectives)
        {
            if (d.Name == directive.Name) return true;
        }
        return false;
    }
}
