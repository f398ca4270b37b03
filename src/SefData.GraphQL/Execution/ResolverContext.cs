using SefData.GraphQL.DataLoader;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Execution;

/// <summary>The executor's <see cref="IResolverContext"/>: pooled per request, reset for each field execution.</summary>
internal sealed class ResolverContext : IResolverContext, IDataLoaderScope
{
    private readonly ExecutionEngine _engine;
    private ResultMap _map = null!;
    private int _slot;
    private CollectedField _field = null!;
    private ResponsePath? _path;

    public ResolverContext(ExecutionEngine engine) => _engine = engine;

    /// <summary>The field execution and each pending completion hold one reference.</summary>
    internal int References;

    internal void Reset(ResultMap map, int slot, CollectedField field, object? parent)
    {
        _map = map;
        _slot = slot;
        _field = field;
        Parent = parent;
        Arguments = Values.Empty;
        _path = null;
        References = 1;
    }

    internal void Clear()
    {
        _map = null!;
        _field = null!;
        Parent = null;
        Arguments = Values.Empty;
        _path = null;
    }

    public Schema Schema => _engine.Schema;
    public object? Parent { get; private set; }
    public IReadOnlyDictionary<string, object?> Arguments { get; internal set; } = Values.Empty;
    public FieldDefinition FieldDefinition => _field.Definition;
    public ObjectType ParentType => _field.ParentType;
    public ResponsePath Path => _path ??= ((IResultNode)_map).PathOfSlot(_slot);
    public IReadOnlyList<FieldNode> FieldNodes => _field.FieldNodes;
    public OperationDefinitionNode Operation => _engine.Operation;
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => _engine.Fragments;
    public IReadOnlyDictionary<string, object?> VariableValues => _engine.Variables;
    public IDictionary<string, object?> ContextData => _engine.ContextData;
    public IServiceProvider Services => _engine.Services;
    public CancellationToken CancellationToken => _engine.CancellationToken;
    public DataLoaderRegistry DataLoaders => _engine.DataLoaders;

    /// <summary>The value the execution started with (graphql-js info.rootValue).</summary>
    public object? RootValue => _engine.RootValue;

    public IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType? typeCondition = null) => _field.GetSelectedFields(typeCondition);

    public override string ToString() => _field is null ? "(idle)" : Path.ToString();
}
