namespace SefData.GraphQL.Types;

/// <summary>graphql-js type predicates and unwrapping helpers (isInputType, getNamedType, ...).</summary>
public static class TypeExtensions
{
    public static NamedType GetNamedType(this GraphQLType type)
    {
        while (true)
        {
            switch (type)
            {
                case NamedType named: return named;
                case ListType list: type = list.OfType; break;
                case NonNullType nonNull: type = nonNull.OfType; break;
                default: throw new ArgumentOutOfRangeException(nameof(type));
            }
        }
    }

    /// <summary>The type without its outer non-null wrapper.</summary>
    public static GraphQLType GetNullableType(this GraphQLType type) => type is NonNullType nn ? nn.OfType : type;

    public static bool IsInputType(this GraphQLType type) => type.GetNamedType() is ScalarType or EnumType or InputObjectType;
    public static bool IsOutputType(this GraphQLType type) => type.GetNamedType() is ScalarType or EnumType or ObjectType or InterfaceType or UnionType;
    public static bool IsLeafType(this GraphQLType type) => type is ScalarType or EnumType;
    public static bool IsCompositeType(this GraphQLType type) => type is ObjectType or InterfaceType or UnionType;
    public static bool IsAbstractType(this GraphQLType type) => type is InterfaceType or UnionType;
    public static bool IsWrappingType(this GraphQLType type) => type is ListType or NonNullType;
    public static bool IsNullableType(this GraphQLType type) => type is not NonNullType;
    public static bool IsNonNullType(this GraphQLType type) => type is NonNullType;
    public static bool IsListType(this GraphQLType type) => type is ListType;

    /// <summary>graphql-js isRequiredArgument / isRequiredInputField: non-null with no default.</summary>
    public static bool IsRequired(this InputValueDefinition value) => value.IsRequired;

    /// <summary>Wraps a type in NonNull (idempotent).</summary>
    public static NonNullType NonNull(this GraphQLType type) => type as NonNullType ?? new NonNullType(type);

    public static ListType List(this GraphQLType type) => new(type);
}
