using SefData.GraphQL.Types;

namespace SefData.GraphQL.Utilities;

/// <summary>graphql-js typeComparators: type equality, subtyping (covariance) and overlap.</summary>
public static class TypeComparators
{
    /// <summary>Same named type (by identity) with the same wrappers.</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b)
    {
        if (ReferenceEquals(a, b)) return true;
        return (a, b) switch
        {
            (NonNullType x, NonNullType y) => IsEqualType(x.OfType, y.OfType),
            (ListType x, ListType y) => IsEqualType(x.OfType, y.OfType),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="maybeSubType"/> can be used where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType)) return true;
        if (superType is NonNullType superNonNull)
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        if (maybeSubType is NonNullType sub) return IsTypeSubTypeOf(schema, sub.OfType, superType);
        if (superType is ListType superList)
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        if (maybeSubType is ListType) return false;
        return superType is InterfaceType or UnionType
            && maybeSubType is InterfaceType or ObjectType
            && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>Whether two composite types can have an object type in common (used by fragment validation).</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType typeA, NamedType typeB)
    {
        if (ReferenceEquals(typeA, typeB)) return true;
        if (typeA.IsAbstractType())
        {
            if (typeB.IsAbstractType())
            {
                foreach (var t in schema.GetPossibleTypes(typeA))
                {
                    if (schema.IsSubType(typeB, t)) return true;
                }
                return false;
            }
            return schema.IsSubType(typeA, typeB);
        }
        if (typeB.IsAbstractType()) return schema.IsSubType(typeB, typeA);
        return false;
    }
}
