using SefData.GraphQL.Language;

namespace SefData.GraphQL.Types;

/// <summary>
/// A GraphQL schema: root operation types, every named type reachable from them (plus extra <c>types</c>), and
/// directives. Construction collects the type map like graphql-js; <see cref="Validate"/> runs the spec's schema
/// rules (graphql-js validateSchema), and <see cref="SchemaBuilder"/> runs it for you.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly List<NamedType> _types = [];
    private readonly Dictionary<string, (List<ObjectType> Objects, List<InterfaceType> Interfaces)> _implementations = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _subTypes = new(StringComparer.Ordinal);
    private IReadOnlyList<GraphQLError>? _validationErrors;

    public Schema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Directives = directives is null ? DirectiveDefinition.SpecifiedDirectives : [.. directives];

        // Same collection order as graphql-js (it decides the order of printSchema and introspection).
        var ordered = new List<NamedType>();
        var seen = new HashSet<NamedType>(ReferenceEqualityComparer.Instance);
        var explicitTypes = types?.ToList() ?? [];
        foreach (var t in explicitTypes)
        {
            if (seen.Add(t)) ordered.Add(t);
        }
        foreach (var t in explicitTypes)
        {
            if (seen.Remove(t)) ordered.Remove(t);
            Collect(t, ordered, seen);
        }
        if (query is not null) Collect(query, ordered, seen);
        if (mutation is not null) Collect(mutation, ordered, seen);
        if (subscription is not null) Collect(subscription, ordered, seen);
        foreach (var directive in Directives)
        {
            foreach (var arg in directive.Arguments) Collect(arg.Type, ordered, seen);
        }
        Collect(Introspection.SchemaType, ordered, seen);

        foreach (var namedType in ordered)
        {
            if (!_typeMap.TryAdd(namedType.Name, namedType))
                throw new InvalidOperationException($"Schema must contain uniquely named types but contains multiple types named \"{namedType.Name}\".");
            _types.Add(namedType);
            if (namedType is ComplexType complex)
            {
                foreach (var iface in complex.Interfaces)
                {
                    if (!_implementations.TryGetValue(iface.Name, out var impl))
                        _implementations[iface.Name] = impl = ([], []);
                    if (complex is ObjectType o) impl.Objects.Add(o);
                    else impl.Interfaces.Add((InterfaceType)complex);
                }
            }
        }
    }

    private static void Collect(GraphQLType type, List<NamedType> ordered, HashSet<NamedType> seen)
    {
        var named = type.GetNamedType();
        if (!seen.Add(named)) return;
        ordered.Add(named);
        switch (named)
        {
            case UnionType union:
                foreach (var member in union.Types) Collect(member, ordered, seen);
                break;
            case ComplexType complex:
                foreach (var iface in complex.Interfaces) Collect(iface, ordered, seen);
                foreach (var field in complex.Fields)
                {
                    Collect(field.Type, ordered, seen);
                    foreach (var arg in field.Arguments) Collect(arg.Type, ordered, seen);
                }
                break;
            case InputObjectType input:
                foreach (var field in input.Fields) Collect(field.Type, ordered, seen);
                break;
        }
    }

    public string? Description { get; init; }
    public ObjectType? QueryType { get; }
    public ObjectType? MutationType { get; }
    public ObjectType? SubscriptionType { get; }
    public IReadOnlyList<DirectiveDefinition> Directives { get; }
    public SchemaDefinitionNode? AstNode { get; init; }
    public IReadOnlyList<SchemaExtensionNode> ExtensionAstNodes { get; init; } = [];
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = EmptyMetadata.Instance;

    /// <summary>Root operation names that resolved to non-object types (reported by the validator).</summary>
    internal IReadOnlyDictionary<OperationType, NamedType> InvalidRootTypes { get; init; } = new Dictionary<OperationType, NamedType>();

    /// <summary>Every named type, in graphql-js type-map order (user types first, introspection types last).</summary>
    public IReadOnlyList<NamedType> Types => _types;
    public IReadOnlyDictionary<string, NamedType> TypeMap => _typeMap;

    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name)
    {
        foreach (var d in Directives)
        {
            if (d.Name == name) return d;
        }
        return null;
    }

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        OperationType.Subscription => SubscriptionType,
        _ => null,
    };

    /// <summary>Union members, or the object types implementing an interface.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType union => union.Types,
        InterfaceType iface => GetImplementations(iface).Objects,
        _ => [],
    };

    public (IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces) GetImplementations(InterfaceType interfaceType)
        => _implementations.TryGetValue(interfaceType.Name, out var impl) ? (impl.Objects, impl.Interfaces) : ([], []);

    /// <summary>Whether <paramref name="maybeSubType"/> is a member/implementation of <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
    {
        var set = _subTypes.GetOrAdd(abstractType.Name, _ =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (abstractType is UnionType union)
            {
                foreach (var t in union.Types) names.Add(t.Name);
            }
            else if (abstractType is InterfaceType iface)
            {
                var (objects, interfaces) = GetImplementations(iface);
                foreach (var t in objects) names.Add(t.Name);
                foreach (var t in interfaces) names.Add(t.Name);
            }
            return names;
        });
        return set.Contains(maybeSubType.Name);
    }

    /// <summary>All schema validation errors (graphql-js validateSchema); computed once.</summary>
    public IReadOnlyList<GraphQLError> Validate() => _validationErrors ??= SchemaValidator.Validate(this);

    /// <summary>Throws <see cref="SchemaValidationException"/> when <see cref="Validate"/> finds errors.</summary>
    public void AssertValid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new SchemaValidationException(errors);
    }
}

/// <summary>Thrown when a schema is invalid; carries every error (graphql-js assertValidSchema joins them with blank lines).</summary>
public sealed class SchemaValidationException : Exception
{
    public SchemaValidationException(IReadOnlyList<GraphQLError> errors)
        : base(string.Join("\n\n", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public IReadOnlyList<GraphQLError> Errors { get; }
}
