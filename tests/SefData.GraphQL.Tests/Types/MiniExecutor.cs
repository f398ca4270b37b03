using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

/// <summary>
/// A deliberately small executor for testing the type system's resolvers (introspection above all) before the real
/// executor exists: one query operation, fragments, literal arguments, no variables, no @skip/@include, errors thrown.
/// </summary>
internal sealed class MiniExecutor
{
    private readonly Schema _schema;
    private readonly OperationDefinitionNode _operation;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments;

    private MiniExecutor(Schema schema, DocumentNode document)
    {
        _schema = schema;
        _operation = document.Definitions.OfType<OperationDefinitionNode>().Single();
        _fragments = document.Definitions.OfType<FragmentDefinitionNode>().ToDictionary(f => f.Name.Value);
    }

    public static object? Execute(Schema schema, string query, object? rootValue = null)
    {
        var executor = new MiniExecutor(schema, Parser.Parse(query));
        return executor.ExecuteSelections(schema.QueryType!, [executor._operation.SelectionSet], rootValue, null);
    }

    private List<KeyValuePair<string, object?>> ExecuteSelections(ObjectType type, IEnumerable<SelectionSetNode> sets, object? parent, ResponsePath? path)
    {
        var result = new List<KeyValuePair<string, object?>>();
        foreach (var (key, nodes) in CollectFields(type, sets))
        {
            var fieldPath = new ResponsePath(path, key, type.Name);
            var field = TypeInfo.GetFieldDefinition(_schema, type, nodes[0].Name.Value)
                ?? throw new InvalidOperationException($"Unknown field {type.Name}.{nodes[0].Name.Value}");
            var context = new Context(this, parent, type, field, nodes, fieldPath);
            var value = (field.Resolver ?? DefaultResolvers.ResolveField)(context).AsTask().GetAwaiter().GetResult();
            result.Add(new(key, Complete(field.Type, nodes, value, fieldPath, context)));
        }
        return result;
    }

    private object? Complete(GraphQLType type, List<FieldNode> nodes, object? value, ResponsePath path, IResolverContext context)
    {
        if (type is NonNullType nonNull)
            return Complete(nonNull.OfType, nodes, value, path, context) ?? throw new InvalidOperationException($"Null at non-null {path}");
        value = value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Null } ? null : value;
        if (value is null) return null;
        switch (type)
        {
            case ListType list:
                var items = new List<object?>();
                var index = 0;
                foreach (var item in (System.Collections.IEnumerable)value) items.Add(Complete(list.OfType, nodes, item, path.Append(index++), context));
                return items;
            case ILeafType leaf:
                return leaf.Serialize(value);
            case IAbstractType abstractType:
                var name = (abstractType.ResolveType ?? DefaultResolvers.ResolveType)(value, context, abstractType).AsTask().GetAwaiter().GetResult();
                var runtime = (ObjectType)_schema.GetType(name!)!;
                return ExecuteSelections(runtime, nodes.Select(n => n.SelectionSet!), value, path);
            case ObjectType obj:
                return ExecuteSelections(obj, nodes.Select(n => n.SelectionSet!), value, path);
            default:
                throw new InvalidOperationException(type.ToString());
        }
    }

    private List<(string Key, List<FieldNode> Nodes)> CollectFields(ObjectType type, IEnumerable<SelectionSetNode> sets)
    {
        var fields = new List<(string Key, List<FieldNode> Nodes)>();
        void Visit(SelectionSetNode set)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FieldNode f:
                        var existing = fields.FindIndex(x => x.Key == f.ResponseKey);
                        if (existing >= 0) fields[existing].Nodes.Add(f);
                        else fields.Add((f.ResponseKey, [f]));
                        break;
                    case InlineFragmentNode inline when inline.TypeCondition is null || Applies(inline.TypeCondition, type):
                        Visit(inline.SelectionSet);
                        break;
                    case FragmentSpreadNode spread when Applies(_fragments[spread.Name.Value].TypeCondition, type):
                        Visit(_fragments[spread.Name.Value].SelectionSet);
                        break;
                }
            }
        }
        foreach (var set in sets) Visit(set);
        return fields;
    }

    private bool Applies(NamedTypeNode condition, ObjectType type)
    {
        var conditionType = _schema.GetType(condition.Name.Value);
        return ReferenceEquals(conditionType, type) || (conditionType is not null && conditionType.IsAbstractType() && _schema.IsSubType(conditionType, type));
    }

    private sealed class Context(MiniExecutor executor, object? parent, ObjectType parentType, FieldDefinition fieldDefinition, List<FieldNode> nodes, ResponsePath path)
        : IResolverContext
    {
        private IReadOnlyDictionary<string, object?>? _arguments;

        public Schema Schema => executor._schema;
        public object? Parent => parent;
        public FieldDefinition FieldDefinition => fieldDefinition;
        public ObjectType ParentType => parentType;
        public ResponsePath Path => path;
        public IReadOnlyList<FieldNode> FieldNodes => nodes;
        public OperationDefinitionNode Operation => executor._operation;
        public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => executor._fragments;
        public IReadOnlyDictionary<string, object?> VariableValues { get; } = new Dictionary<string, object?>();
        public IDictionary<string, object?> ContextData { get; } = new Dictionary<string, object?>();
        public IServiceProvider Services => throw new NotSupportedException();
        public CancellationToken CancellationToken => CancellationToken.None;

        public IReadOnlyDictionary<string, object?> Arguments => _arguments ??= CoerceArguments();

        private Dictionary<string, object?> CoerceArguments()
        {
            var result = new Dictionary<string, object?>();
            foreach (var arg in fieldDefinition.Arguments)
            {
                var node = nodes[0].Arguments.FirstOrDefault(a => a.Name.Value == arg.Name);
                if (node is not null)
                {
                    if (!ValueFromAst.TryConvert(node.Value, arg.Type, null, out var value)) throw new InvalidOperationException($"Bad argument {arg.Name}");
                    result[arg.Name] = value;
                }
                else if (arg.HasDefaultValue)
                {
                    result[arg.Name] = arg.DefaultValue;
                }
            }
            return result;
        }

        public IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType? typeCondition = null) => throw new NotSupportedException();
    }
}
