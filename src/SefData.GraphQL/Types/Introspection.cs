using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Types;

/// <summary>
/// The introspection types (__Schema, __Type, ...) and meta fields (__schema, __type, __typename) of graphql-js 16.11,
/// with resolvers that read the type-system objects themselves (a __Type's parent value is a <see cref="GraphQLType"/>,
/// a __Field's a <see cref="FieldDefinition"/>, and so on).
/// </summary>
public static class Introspection
{
    // The types reference each other inside field thunks, which run after all static fields are set; the "!" on
    // later-declared fields only tells the nullable analysis so.
    private static FieldResolver R(Func<IResolverContext, object?> f) => ctx => new ValueTask<object?>(f(ctx));

    private static ArgumentDefinition IncludeDeprecatedArg() => new("includeDeprecated", ScalarType.Boolean) { DefaultValue = false };

    private static bool IncludeDeprecated(IResolverContext ctx) => ctx.GetArgument<bool>("includeDeprecated");

    public static readonly EnumType TypeKindType = new("__TypeKind",
    [
        new EnumValueDefinition("SCALAR", TypeKind.Scalar) { Description = "Indicates this type is a scalar." },
        new EnumValueDefinition("OBJECT", TypeKind.Object) { Description = "Indicates this type is an object. `fields` and `interfaces` are valid fields." },
        new EnumValueDefinition("INTERFACE", TypeKind.Interface) { Description = "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields." },
        new EnumValueDefinition("UNION", TypeKind.Union) { Description = "Indicates this type is a union. `possibleTypes` is a valid field." },
        new EnumValueDefinition("ENUM", TypeKind.Enum) { Description = "Indicates this type is an enum. `enumValues` is a valid field." },
        new EnumValueDefinition("INPUT_OBJECT", TypeKind.InputObject) { Description = "Indicates this type is an input object. `inputFields` is a valid field." },
        new EnumValueDefinition("LIST", TypeKind.List) { Description = "Indicates this type is a list. `ofType` is a valid field." },
        new EnumValueDefinition("NON_NULL", TypeKind.NonNull) { Description = "Indicates this type is a non-null. `ofType` is a valid field." },
    ])
    {
        Description = "An enum describing what kind of type a given `__Type` is.",
    };

    public static readonly EnumType DirectiveLocationType = new("__DirectiveLocation",
        Enum.GetValues<DirectiveLocation>().Select(l => new EnumValueDefinition(l.ToSpecName(), l) { Description = LocationDescription(l) }))
    {
        Description = "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
    };

    private static string LocationDescription(DirectiveLocation l) => l switch
    {
        DirectiveLocation.Query => "Location adjacent to a query operation.",
        DirectiveLocation.Mutation => "Location adjacent to a mutation operation.",
        DirectiveLocation.Subscription => "Location adjacent to a subscription operation.",
        DirectiveLocation.Field => "Location adjacent to a field.",
        DirectiveLocation.FragmentDefinition => "Location adjacent to a fragment definition.",
        DirectiveLocation.FragmentSpread => "Location adjacent to a fragment spread.",
        DirectiveLocation.InlineFragment => "Location adjacent to an inline fragment.",
        DirectiveLocation.VariableDefinition => "Location adjacent to a variable definition.",
        DirectiveLocation.Schema => "Location adjacent to a schema definition.",
        DirectiveLocation.Scalar => "Location adjacent to a scalar definition.",
        DirectiveLocation.Object => "Location adjacent to an object type definition.",
        DirectiveLocation.FieldDefinition => "Location adjacent to a field definition.",
        DirectiveLocation.ArgumentDefinition => "Location adjacent to an argument definition.",
        DirectiveLocation.Interface => "Location adjacent to an interface definition.",
        DirectiveLocation.Union => "Location adjacent to a union definition.",
        DirectiveLocation.Enum => "Location adjacent to an enum definition.",
        DirectiveLocation.EnumValue => "Location adjacent to an enum value definition.",
        DirectiveLocation.InputObject => "Location adjacent to an input object type definition.",
        DirectiveLocation.InputFieldDefinition => "Location adjacent to an input object field definition.",
        _ => throw new ArgumentOutOfRangeException(nameof(l)),
    };

    public static readonly ObjectType SchemaType = new("__Schema", () =>
    [
        new FieldDefinition("description", ScalarType.String) { Resolver = R(c => ((Schema)c.Parent!).Description) },
        new FieldDefinition("types", new NonNullType(new ListType(new NonNullType(TypeType!))))
        {
            Description = "A list of all types supported by this server.",
            Resolver = R(c => ((Schema)c.Parent!).Types),
        },
        new FieldDefinition("queryType", new NonNullType(TypeType!))
        {
            Description = "The type that query operations will be rooted at.",
            Resolver = R(c => ((Schema)c.Parent!).QueryType),
        },
        new FieldDefinition("mutationType", TypeType!)
        {
            Description = "If this server supports mutation, the type that mutation operations will be rooted at.",
            Resolver = R(c => ((Schema)c.Parent!).MutationType),
        },
        new FieldDefinition("subscriptionType", TypeType!)
        {
            Description = "If this server support subscription, the type that subscription operations will be rooted at.",
            Resolver = R(c => ((Schema)c.Parent!).SubscriptionType),
        },
        new FieldDefinition("directives", new NonNullType(new ListType(new NonNullType(DirectiveType!))))
        {
            Description = "A list of all directives supported by this server.",
            Resolver = R(c => ((Schema)c.Parent!).Directives),
        },
    ])
    {
        Description = "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
    };

    public static readonly ObjectType DirectiveType = new("__Directive", () =>
    [
        new FieldDefinition("name", new NonNullType(ScalarType.String)) { Resolver = R(c => ((DirectiveDefinition)c.Parent!).Name) },
        new FieldDefinition("description", ScalarType.String) { Resolver = R(c => ((DirectiveDefinition)c.Parent!).Description) },
        new FieldDefinition("isRepeatable", new NonNullType(ScalarType.Boolean)) { Resolver = R(c => ((DirectiveDefinition)c.Parent!).IsRepeatable) },
        new FieldDefinition("locations", new NonNullType(new ListType(new NonNullType(DirectiveLocationType))))
        {
            Resolver = R(c => ((DirectiveDefinition)c.Parent!).Locations),
        },
        new FieldDefinition("args", new NonNullType(new ListType(new NonNullType(InputValueType!))), [IncludeDeprecatedArg()])
        {
            Resolver = R(c => FilterDeprecated(((DirectiveDefinition)c.Parent!).Arguments, IncludeDeprecated(c))),
        },
    ])
    {
        Description = "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
    };

    public static readonly ObjectType TypeType = new("__Type", () =>
    [
        new FieldDefinition("kind", new NonNullType(TypeKindType))
        {
            Resolver = R(c => c.Parent switch
            {
                NamedType n => n.Kind,
                ListType => TypeKind.List,
                NonNullType => TypeKind.NonNull,
                _ => throw new InvalidOperationException($"Unexpected type: \"{c.Parent}\"."),
            }),
        },
        new FieldDefinition("name", ScalarType.String) { Resolver = R(c => (c.Parent as NamedType)?.Name) },
        new FieldDefinition("description", ScalarType.String) { Resolver = R(c => (c.Parent as NamedType)?.Description) },
        new FieldDefinition("specifiedByURL", ScalarType.String) { Resolver = R(c => (c.Parent as ScalarType)?.SpecifiedByUrl) },
        new FieldDefinition("fields", new ListType(new NonNullType(FieldType!)), [IncludeDeprecatedArg()])
        {
            Resolver = R(c => c.Parent is ComplexType t ? FilterDeprecated(t.Fields, IncludeDeprecated(c)) : null),
        },
        new FieldDefinition("interfaces", new ListType(new NonNullType(TypeType!)))
        {
            Resolver = R(c => (c.Parent as ComplexType)?.Interfaces),
        },
        new FieldDefinition("possibleTypes", new ListType(new NonNullType(TypeType!)))
        {
            Resolver = R(c => c.Parent is InterfaceType or UnionType ? c.Schema.GetPossibleTypes((NamedType)c.Parent) : null),
        },
        new FieldDefinition("enumValues", new ListType(new NonNullType(EnumValueType!)), [IncludeDeprecatedArg()])
        {
            Resolver = R(c => c.Parent is EnumType e ? e.Values.Where(v => IncludeDeprecated(c) || !v.IsDeprecated).ToList() : null),
        },
        new FieldDefinition("inputFields", new ListType(new NonNullType(InputValueType!)), [IncludeDeprecatedArg()])
        {
            Resolver = R(c => c.Parent is InputObjectType t ? FilterDeprecated(t.Fields, IncludeDeprecated(c)) : null),
        },
        new FieldDefinition("ofType", TypeType!)
        {
            Resolver = R(c => c.Parent switch { ListType l => l.OfType, NonNullType n => n.OfType, _ => null }),
        },
        new FieldDefinition("isOneOf", ScalarType.Boolean) { Resolver = R(c => c.Parent is InputObjectType t ? t.IsOneOf : null) },
    ])
    {
        Description = "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
    };

    public static readonly ObjectType FieldType = new("__Field", () =>
    [
        new FieldDefinition("name", new NonNullType(ScalarType.String)) { Resolver = R(c => ((FieldDefinition)c.Parent!).Name) },
        new FieldDefinition("description", ScalarType.String) { Resolver = R(c => ((FieldDefinition)c.Parent!).Description) },
        new FieldDefinition("args", new NonNullType(new ListType(new NonNullType(InputValueType!))), [IncludeDeprecatedArg()])
        {
            Resolver = R(c => FilterDeprecated(((FieldDefinition)c.Parent!).Arguments, IncludeDeprecated(c))),
        },
        new FieldDefinition("type", new NonNullType(TypeType)) { Resolver = R(c => ((FieldDefinition)c.Parent!).Type) },
        new FieldDefinition("isDeprecated", new NonNullType(ScalarType.Boolean)) { Resolver = R(c => ((FieldDefinition)c.Parent!).IsDeprecated) },
        new FieldDefinition("deprecationReason", ScalarType.String) { Resolver = R(c => ((FieldDefinition)c.Parent!).DeprecationReason) },
    ])
    {
        Description = "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
    };

    public static readonly ObjectType InputValueType = new("__InputValue", () =>
    [
        new FieldDefinition("name", new NonNullType(ScalarType.String)) { Resolver = R(c => ((InputValueDefinition)c.Parent!).Name) },
        new FieldDefinition("description", ScalarType.String) { Resolver = R(c => ((InputValueDefinition)c.Parent!).Description) },
        new FieldDefinition("type", new NonNullType(TypeType)) { Resolver = R(c => ((InputValueDefinition)c.Parent!).Type) },
        new FieldDefinition("defaultValue", ScalarType.String)
        {
            Description = "A GraphQL-formatted string representing the default value for this input value.",
            Resolver = R(c =>
            {
                var value = (InputValueDefinition)c.Parent!;
                if (!value.HasDefaultValue) return null;
                var ast = AstFromValue.Convert(value.DefaultValue, value.Type);
                return ast is null ? null : ValuePrinter.Print(ast);
            }),
        },
        new FieldDefinition("isDeprecated", new NonNullType(ScalarType.Boolean)) { Resolver = R(c => ((InputValueDefinition)c.Parent!).IsDeprecated) },
        new FieldDefinition("deprecationReason", ScalarType.String) { Resolver = R(c => ((InputValueDefinition)c.Parent!).DeprecationReason) },
    ])
    {
        Description = "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
    };

    public static readonly ObjectType EnumValueType = new("__EnumValue", () =>
    [
        new FieldDefinition("name", new NonNullType(ScalarType.String)) { Resolver = R(c => ((EnumValueDefinition)c.Parent!).Name) },
        new FieldDefinition("description", ScalarType.String) { Resolver = R(c => ((EnumValueDefinition)c.Parent!).Description) },
        new FieldDefinition("isDeprecated", new NonNullType(ScalarType.Boolean)) { Resolver = R(c => ((EnumValueDefinition)c.Parent!).IsDeprecated) },
        new FieldDefinition("deprecationReason", ScalarType.String) { Resolver = R(c => ((EnumValueDefinition)c.Parent!).DeprecationReason) },
    ])
    {
        Description = "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
    };

    /// <summary>graphql-js introspectionTypes order.</summary>
    public static IReadOnlyList<NamedType> IntrospectionTypes { get; } =
        [SchemaType, DirectiveType, DirectiveLocationType, TypeType, FieldType, InputValueType, EnumValueType, TypeKindType];

    public static bool IsIntrospectionType(NamedType type) => type.Name is "__Schema" or "__Directive" or "__DirectiveLocation"
        or "__Type" or "__Field" or "__InputValue" or "__EnumValue" or "__TypeKind";

    /// <summary>The implicit <c>__schema</c> field of the query root type.</summary>
    public static readonly FieldDefinition SchemaMetaField = new("__schema", new NonNullType(SchemaType))
    {
        Description = "Access the current type schema of this server.",
        Resolver = R(c => c.Schema),
    };

    /// <summary>The implicit <c>__type(name:)</c> field of the query root type.</summary>
    public static readonly FieldDefinition TypeMetaField = new("__type", TypeType, [new ArgumentDefinition("name", new NonNullType(ScalarType.String))])
    {
        Description = "Request the type information of a single type.",
        Resolver = R(c => c.Schema.GetType(c.GetArgument<string>("name")!)),
    };

    /// <summary>The implicit <c>__typename</c> field of every composite type.</summary>
    public static readonly FieldDefinition TypeNameMetaField = new("__typename", new NonNullType(ScalarType.String))
    {
        Description = "The name of the current Object type at runtime.",
        Resolver = R(c => c.ParentType.Name),
    };

    private static List<T> FilterDeprecated<T>(IReadOnlyList<T> items, bool includeDeprecated) where T : class
    {
        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            var deprecated = item switch
            {
                FieldDefinition f => f.IsDeprecated,
                InputValueDefinition v => v.IsDeprecated,
                _ => false,
            };
            if (includeDeprecated || !deprecated) result.Add(item);
        }
        return result;
    }
}
