using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

public class SchemaApiTests
{
    private static readonly Schema S = SchemaBuilder.BuildSchema("""
        type Query { node: Node result: Result }
        interface Node { id: ID! }
        interface Entity implements Node { id: ID! }
        type School implements Entity & Node { id: ID! }
        type Hub implements Node { id: ID! }
        type Person { name: String }
        union Result = School | Person
        """);

    private static NamedType T(string name) => S.GetType(name)!;

    [Fact]
    public void Possible_types_implementations_and_subtypes()
    {
        Assert.Equal(["School", "Hub"], S.GetPossibleTypes(T("Node")).Select(t => t.Name));
        Assert.Equal(["School", "Person"], S.GetPossibleTypes(T("Result")).Select(t => t.Name));
        var (objects, interfaces) = S.GetImplementations((InterfaceType)T("Node"));
        Assert.Equal(["School", "Hub"], objects.Select(t => t.Name));
        Assert.Equal(["Entity"], interfaces.Select(t => t.Name));
        Assert.True(S.IsSubType(T("Node"), T("Entity")));
        Assert.True(S.IsSubType(T("Result"), T("Person")));
        Assert.False(S.IsSubType(T("Result"), T("Hub")));
        Assert.Empty(S.GetPossibleTypes(T("Person")));
    }

    [Fact]
    public void Type_map_order_follows_graphql_js()
    {
        Assert.Equal(
            // As graphql-js 16.11 prints Object.keys(buildSchema(same SDL).getTypeMap()).
            ["Query", "Node", "ID", "Entity", "School", "Hub", "Person", "String", "Result", "Boolean",
             "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"],
            S.Types.Select(t => t.Name));
    }

    [Fact]
    public void Type_comparators()
    {
        GraphQLType NonNull(GraphQLType t) => new NonNullType(t);
        GraphQLType List(GraphQLType t) => new ListType(t);
        Assert.True(TypeComparators.IsEqualType(List(NonNull(T("School"))), List(NonNull(T("School")))));
        Assert.False(TypeComparators.IsEqualType(List(T("School")), List(NonNull(T("School")))));
        Assert.True(TypeComparators.IsTypeSubTypeOf(S, NonNull(T("School")), T("Node")));
        Assert.True(TypeComparators.IsTypeSubTypeOf(S, List(NonNull(T("Hub"))), List(T("Node"))));
        Assert.False(TypeComparators.IsTypeSubTypeOf(S, T("Node"), NonNull(T("Node"))));
        Assert.False(TypeComparators.IsTypeSubTypeOf(S, List(T("Hub")), T("Node")));
        Assert.False(TypeComparators.IsTypeSubTypeOf(S, T("Person"), T("Node")));
        Assert.True(TypeComparators.DoTypesOverlap(S, T("Node"), T("Result")));
        Assert.False(TypeComparators.DoTypesOverlap(S, T("Hub"), T("Result")));
        Assert.True(TypeComparators.DoTypesOverlap(S, T("School"), T("Node")));
        Assert.False(TypeComparators.DoTypesOverlap(S, T("School"), T("Hub")));
    }

    [Fact]
    public void Type_predicates_and_unwrapping()
    {
        var type = new NonNullType(new ListType(new NonNullType(T("School"))));
        Assert.Same(T("School"), type.GetNamedType());
        Assert.IsType<ListType>(type.GetNullableType());
        Assert.True(type.IsOutputType());
        Assert.False(type.IsInputType());
        Assert.True(ScalarType.ID.IsInputType() && ScalarType.ID.IsOutputType() && ScalarType.ID.IsLeafType());
        Assert.True(T("Result").IsAbstractType() && T("Result").IsCompositeType());
        Assert.False(T("School").IsAbstractType());
        Assert.Equal("[School!]!", type.ToString());
        Assert.Throws<ArgumentException>(() => new NonNullType(type));
    }

    [Fact]
    public void Meta_fields_are_found_where_graphql_js_finds_them()
    {
        Assert.Same(Introspection.SchemaMetaField, TypeInfo.GetFieldDefinition(S, S.QueryType!, "__schema"));
        Assert.Null(TypeInfo.GetFieldDefinition(S, T("School"), "__schema"));
        Assert.Same(Introspection.TypeNameMetaField, TypeInfo.GetFieldDefinition(S, T("Result"), "__typename"));
        Assert.Null(TypeInfo.GetFieldDefinition(S, T("Result"), "id"));
    }
}
