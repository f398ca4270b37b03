using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Execution;

/// <summary>
/// Spec CollectFields for one request (fragments and variables fixed): groups the selections that apply to an
/// object type by response key, honouring fragments' type conditions and @skip/@include. Results are cached per
/// (field, runtime type) so a list of 1,000 objects collects its sub-selection once.
/// </summary>
internal sealed class FieldCollector
{
    private readonly Schema _schema;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;

    public FieldCollector(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        _schema = schema;
        _fragments = fragments;
        _variables = variables;
    }

    public Schema Schema => _schema;
    public IReadOnlyDictionary<string, object?> Variables => _variables;

    /// <summary>The root selection set.</summary>
    public CollectedFieldSet Collect(ObjectType type, SelectionSetNode selectionSet)
    {
        var builder = new Builder(type);
        HashSet<string>? visited = null;
        CollectInto(builder, type, selectionSet, ref visited);
        return builder.Build(this);
    }

    /// <summary>graphql-js collectSubfields: the merged sub-selections of every node of a field.</summary>
    public CollectedFieldSet CollectSubfields(ObjectType type, IReadOnlyList<FieldNode> fieldNodes)
    {
        var builder = new Builder(type);
        HashSet<string>? visited = null;
        foreach (var node in fieldNodes)
        {
            if (node.SelectionSet is { } selectionSet) CollectInto(builder, type, selectionSet, ref visited);
        }
        return builder.Build(this);
    }

    private void CollectInto(Builder builder, ObjectType runtimeType, SelectionSetNode selectionSet, ref HashSet<string>? visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (!ShouldInclude(field)) continue;
                    builder.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (!ShouldInclude(inline) || !TypeConditionMatches(inline.TypeCondition, runtimeType)) continue;
                    CollectInto(builder, runtimeType, inline.SelectionSet, ref visitedFragments);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    if (visitedFragments.Contains(name) || !ShouldInclude(spread)) continue;
                    visitedFragments.Add(name);
                    if (!_fragments.TryGetValue(name, out var fragment) || !TypeConditionMatches(fragment.TypeCondition, runtimeType)) continue;
                    CollectInto(builder, runtimeType, fragment.SelectionSet, ref visitedFragments);
                    break;
            }
        }
    }

    private bool TypeConditionMatches(NamedTypeNode? condition, ObjectType type)
    {
        if (condition is null) return true;
        var conditionType = _schema.GetType(condition.Name.Value);
        if (ReferenceEquals(conditionType, type)) return true;
        return conditionType is InterfaceType or UnionType && _schema.IsSubType(conditionType, type);
    }

    /// <summary>@skip(if: true) excludes, then @include(if: false) excludes (graphql-js shouldIncludeNode).</summary>
    private bool ShouldInclude(SelectionNode node)
    {
        var directives = node.Directives;
        if (directives.Count == 0) return true;
        foreach (var directive in directives)
        {
            if (directive.Name.Value == "skip" && IfArgument(DirectiveDefinition.Skip, directive) is true) return false;
        }
        foreach (var directive in directives)
        {
            if (directive.Name.Value == "include" && IfArgument(DirectiveDefinition.Include, directive) is false) return false;
        }
        return true;
    }

    private object? IfArgument(DirectiveDefinition definition, DirectiveNode directive)
    {
        var args = Values.GetArgumentValues(definition.Arguments, directive, directive.Arguments, _variables);
        return args.TryGetValue("if", out var value) ? value : null;
    }

    /// <summary>graphql-js getFieldDef: meta fields, then the type's own field (null when unknown).</summary>
    public FieldDefinition? GetFieldDefinition(ObjectType parentType, string fieldName)
    {
        if (fieldName.Length > 1 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == "__typename") return Introspection.TypeNameMetaField;
            if (ReferenceEquals(parentType, _schema.QueryType))
            {
                if (fieldName == "__schema") return Introspection.SchemaMetaField;
                if (fieldName == "__type") return Introspection.TypeMetaField;
            }
        }
        return parentType.GetField(fieldName);
    }

    private sealed class Builder
    {
        private readonly ObjectType _type;
        private readonly List<string> _keys = [];
        private readonly List<List<FieldNode>> _nodes = [];
        private Dictionary<string, int>? _index;

        public Builder(ObjectType type) => _type = type;

        public void Add(FieldNode node)
        {
            var key = node.ResponseKey;
            int position;
            if (_index is not null)
            {
                if (_index.TryGetValue(key, out position))
                {
                    _nodes[position].Add(node);
                    return;
                }
            }
            else
            {
                // Small selection sets: a linear scan beats building a dictionary.
                position = _keys.IndexOf(key);
                if (position >= 0)
                {
                    _nodes[position].Add(node);
                    return;
                }
                if (_keys.Count >= 8)
                {
                    _index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var i = 0; i < _keys.Count; i++) _index[_keys[i]] = i;
                }
            }
            _index?.Add(key, _keys.Count);
            _keys.Add(key);
            _nodes.Add([node]);
        }

        public CollectedFieldSet Build(FieldCollector collector)
        {
            var fields = new List<CollectedField>(_keys.Count);
            for (var i = 0; i < _keys.Count; i++)
            {
                var nodes = _nodes[i];
                // Unknown fields are left out, as graphql-js executeField returns undefined for them.
                var definition = collector.GetFieldDefinition(_type, nodes[0].Name.Value);
                if (definition is null) continue;
                fields.Add(new CollectedField(collector, _type, _keys[i], nodes, definition));
            }
            return new CollectedFieldSet(_type, fields.ToArray());
        }
    }
}

/// <summary>The collected fields of one selection set for one object type, in response order.</summary>
internal sealed class CollectedFieldSet
{
    public CollectedFieldSet(ObjectType type, CollectedField[] fields)
    {
        Type = type;
        Fields = fields;
        var keys = new string[fields.Length];
        for (var i = 0; i < fields.Length; i++) keys[i] = fields[i].ResponseKey;
        Keys = keys;
    }

    public ObjectType Type { get; }
    public CollectedField[] Fields { get; }
    public string[] Keys { get; }
}

/// <summary>One response key of a collected selection set: its field nodes, definition, and per-request caches.</summary>
internal sealed class CollectedField : ISelectedField
{
    private readonly FieldCollector _collector;
    private IReadOnlyDictionary<string, object?>? _arguments;
    private GraphQLError? _argumentError;
    // Sub-selections by runtime type: one slot covers object-typed fields, the dictionary abstract ones.
    private ObjectType? _subType;
    private CollectedFieldSet? _subFields;
    private Dictionary<ObjectType, CollectedFieldSet>? _moreSubFields;

    public CollectedField(FieldCollector collector, ObjectType parentType, string responseKey, List<FieldNode> nodes, FieldDefinition definition)
    {
        _collector = collector;
        ParentType = parentType;
        ResponseKey = responseKey;
        FieldNodes = nodes;
        Definition = definition;
        IsTypeName = ReferenceEquals(definition, Introspection.TypeNameMetaField);
        IsNonNull = definition.Type is NonNullType;
    }

    public string ResponseKey { get; }
    public string Name => Definition.Name;
    public ObjectType ParentType { get; }
    public FieldDefinition Definition { get; }
    public FieldDefinition? Field => Definition;
    public IReadOnlyList<FieldNode> FieldNodes { get; }
    public bool IsTypeName { get; }
    public bool IsNonNull { get; }

    /// <summary>Coerced once per request; a coercion error is rethrown (graphql-js recomputes it per object).</summary>
    public IReadOnlyDictionary<string, object?> Arguments
    {
        get
        {
            if (_arguments is not null) return _arguments;
            if (_argumentError is not null) throw new GraphQLError(_argumentError.Message, _argumentError.Nodes);
            try
            {
                var node = FieldNodes[0];
                return _arguments = Values.GetArgumentValues(Definition.Arguments, node, node.Arguments, _collector.Variables);
            }
            catch (GraphQLError error)
            {
                _argumentError = error;
                throw;
            }
        }
    }

    /// <summary>
    /// The sub-selection for a runtime type. The engine calls this on its own flow, but resolvers may call
    /// <see cref="GetSelectedFields"/> from other threads after an await, so filling the caches takes a lock.
    /// </summary>
    public CollectedFieldSet GetSubFields(ObjectType runtimeType)
    {
        // _subFields is published before _subType, and _subType is assigned once.
        if (ReferenceEquals(Volatile.Read(ref _subType), runtimeType)) return _subFields!;
        lock (this)
        {
            if (_subType is null)
            {
                _subFields = _collector.CollectSubfields(runtimeType, FieldNodes);
                Volatile.Write(ref _subType, runtimeType);
                return _subFields;
            }
            if (ReferenceEquals(_subType, runtimeType)) return _subFields!;
            _moreSubFields ??= new Dictionary<ObjectType, CollectedFieldSet>(ReferenceEqualityComparer.Instance);
            if (!_moreSubFields.TryGetValue(runtimeType, out var set))
            {
                set = _collector.CollectSubfields(runtimeType, FieldNodes);
                _moreSubFields[runtimeType] = set;
            }
            return set;
        }
    }

    public IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType? typeCondition = null)
    {
        if (typeCondition is not null) return GetSubFields(typeCondition).Fields;
        var named = Definition.Type.GetNamedType();
        switch (named)
        {
            case ObjectType objectType:
                return GetSubFields(objectType).Fields;
            case InterfaceType or UnionType:
            {
                // Every possible type's selection, merged by response key (first occurrence wins).
                var result = new List<ISelectedField>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var possible in _collector.Schema.GetPossibleTypes(named))
                {
                    foreach (var field in GetSubFields(possible).Fields)
                    {
                        if (seen.Add(field.ResponseKey)) result.Add(field);
                    }
                }
                return result;
            }
            default:
                return [];
        }
    }

    // Last CLR parent type seen and its compiled member accessor (lists repeat one type).
    private Type? _accessorType;
    private Func<object, object?>? _accessor;

    /// <summary>What <see cref="DefaultResolvers.ResolveField"/> would return for <paramref name="parent"/>.</summary>
    public object? ReadDefault(object? parent)
    {
        if (parent is null) return null;
        if (MemberAccessors.IsDictionaryLike(parent)) return DefaultResolvers.GetValue(parent, Definition.Name);
        var type = parent.GetType();
        Func<object, object?>? accessor;
        if (ReferenceEquals(type, _accessorType))
        {
            accessor = _accessor;
        }
        else
        {
            accessor = MemberAccessors.Get(type, Definition.Name);
            // Only the engine calls this, on its single flow: the pair is never read half-written.
            _accessor = accessor;
            _accessorType = type;
        }
        return accessor?.Invoke(parent);
    }

    public override string ToString() => ParentType.Name + "." + Definition.Name;
}
