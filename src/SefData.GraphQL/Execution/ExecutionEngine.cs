using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using SefData.GraphQL.DataLoader;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Execution;

/// <summary>
/// Executes one operation (spec 6.2-6.4, graphql-js execute.js). Everything that touches the response, the errors
/// and the caches runs on one logical flow: resolvers that complete synchronously are completed inline, depth
/// first; pending ones are registered and their completions are queued back onto that flow. When the queue is empty
/// and resolvers are still pending, the engine dispatches the DataLoaders that collected keys, then waits: all
/// siblings of a level ask for their keys before any batch runs, so each list level costs one batch call.
/// </summary>
internal sealed class ExecutionEngine : IBatchScheduler
{
    // Created when the first completion is queued: fully synchronous requests never need them.
    private ConcurrentQueue<IWorkItem>? _queue;
    private WorkSignal? _signal;
    private readonly Stack<ResolverContext> _contextPool = new();
    private readonly FieldResolver _fieldResolver;
    private readonly bool _defaultFieldResolver;
    private readonly TypeResolver _typeResolver;
    private List<RaisedError>? _errors;
    private HashSet<IPendingWork>? _pending;
    private int _outstanding;
    private DataLoaderRegistry? _dataLoaders;
    private IDictionary<string, object?>? _contextData;
    private bool _canceled;
    private volatile bool _finished;

    public ExecutionEngine(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables)
    {
        Schema = request.Schema;
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        RootValue = request.RootValue;
        _contextData = request.ContextData;
        Services = request.Services ?? EmptyServiceProvider.Instance;
        CancellationToken = request.CancellationToken;
        _fieldResolver = request.FieldResolver ?? DefaultResolvers.ResolveField;
        _defaultFieldResolver = ReferenceEquals(_fieldResolver, DefaultResolvers.ResolveField);
        _typeResolver = request.TypeResolver ?? DefaultResolvers.ResolveType;
        Collector = new FieldCollector(Schema, fragments, variables);
    }

    public Schema Schema { get; }
    public OperationDefinitionNode Operation { get; }
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }
    public IReadOnlyDictionary<string, object?> Variables { get; }
    public object? RootValue { get; }
    public IServiceProvider Services { get; }
    public CancellationToken CancellationToken { get; }
    public FieldCollector Collector { get; }
    // Created on first use; resolvers may use it from several threads at once after an await.
    public IDictionary<string, object?> ContextData
        => _contextData ?? Interlocked.CompareExchange(ref _contextData, new ConcurrentDictionary<string, object?>(StringComparer.Ordinal), null) ?? _contextData;

    public DataLoaderRegistry DataLoaders
        => _dataLoaders ?? Interlocked.CompareExchange(ref _dataLoaders, new DataLoaderRegistry(this, CancellationToken), null) ?? _dataLoaders;

    public async Task<ExecutionResult> ExecuteAsync()
    {
        var rootType = Schema.GetRootType(Operation.Operation);
        if (rootType is null)
        {
            return Finish(null, new GraphQLError(
                $"Schema is not configured to execute {Printer.OperationName(Operation.Operation)} operation.", [Operation]));
        }
        ResultMap root;
        try
        {
            root = new ResultMap(Collector.Collect(rootType, Operation.SelectionSet), null, 0);
        }
        catch (GraphQLError error)
        {
            return Finish(null, error);
        }

        if (Operation.Operation == OperationType.Mutation)
        {
            // Serially: each root field, with everything below it, completes before the next one starts.
            var fields = root.FieldSet.Fields;
            for (var i = 0; i < fields.Length; i++)
            {
                if (CancellationToken.IsCancellationRequested)
                {
                    CancelRemaining(root, i, fields.Length);
                    break;
                }
                ExecuteField(root, i, fields[i], RootValue);
                if (HasWork) await RunLoopAsync().ConfigureAwait(false);
                if (_canceled || ((IResultNode)root).IsDead) break;
            }
        }
        else
        {
            ExecuteFields(root, RootValue);
            if (HasWork) await RunLoopAsync().ConfigureAwait(false);
        }
        return Finish(root, null);
    }

    /// <summary>
    /// graphql-js createSourceEventStream: runs the subscription root field's <see cref="FieldDefinition.Subscribe"/>
    /// (or the field resolver) and returns its event stream, or the located error.
    /// </summary>
    public async Task<(IAsyncEnumerable<object?>? Stream, GraphQLError? Error)> CreateSourceEventStreamAsync()
    {
        var rootType = Schema.SubscriptionType;
        if (rootType is null)
            return (null, new GraphQLError("Schema is not configured to execute subscription operation.", [Operation]));
        CollectedFieldSet fields;
        try
        {
            fields = Collector.Collect(rootType, Operation.SelectionSet);
        }
        catch (GraphQLError error)
        {
            return (null, error);
        }
        if (fields.Fields.Length == 0)
        {
            var first = Operation.SelectionSet.Selections.OfType<FieldNode>().FirstOrDefault();
            return (null, first is null
                ? new GraphQLError("The subscription operation selects no root field.", [Operation])
                : new GraphQLError($"The subscription field \"{first.Name.Value}\" is not defined.", [first]));
        }
        var field = fields.Fields[0];
        var root = new ResultMap(fields, null, 0);
        var context = RentContext(root, 0, field, RootValue);
        context.References++;   // kept: the stream's producer may hold on to it
        try
        {
            context.Arguments = field.Arguments;
            var value = await (field.Definition.Subscribe ?? _fieldResolver)(context).ConfigureAwait(false);
            if (value is Exception thrown) throw thrown;
            var stream = SubscriptionExecution.AsObjectStream(value);
            if (stream is null)
                return (null, new GraphQLError($"Subscription field must return Async Iterable. Received: {Inspector.Inspect(JsonValues.Unwrap(value))}."));
            return (stream, null);
        }
        catch (Exception error)
        {
            return (null, Locate(error, field.FieldNodes, root, 0));
        }
    }

    private ExecutionResult Finish(ResultMap? root, GraphQLError? rootError)
    {
        _finished = true;
        if (rootError is not null) AddError(rootError, null, 0);
        if (_canceled && _pending is not null)
        {
            foreach (var work in _pending.ToArray()) work.Abandon();
        }
        var errors = OrderedErrors();
        if (_canceled) (errors ??= []).Add(new GraphQLError("Execution was canceled.", extensions: CanceledExtensions));
        var data = root is null || ((IResultNode)root).IsDead ? null : root;
        return new ExecutionResult { Data = data, HasData = true, Errors = errors, IsCanceled = _canceled };
    }

    private const int MaxSettleRounds = 16;

    private static readonly IReadOnlyDictionary<string, object?> CanceledExtensions = new Dictionary<string, object?> { ["code"] = "EXECUTION_CANCELED" };

    private bool HasWork => _outstanding > 0 || _queue is { IsEmpty: false } || (_dataLoaders?.HasPendingKeys ?? false);

    private ConcurrentQueue<IWorkItem> Queue
        => _queue ?? Interlocked.CompareExchange(ref _queue, new ConcurrentQueue<IWorkItem>(), null) ?? _queue;

    private WorkSignal Signal
        => _signal ?? Interlocked.CompareExchange(ref _signal, new WorkSignal(), null) ?? _signal;

    /// <summary>Runs queued completions until nothing is pending; dispatches loaders whenever the queue runs dry.</summary>
    private async Task RunLoopAsync()
    {
        var queue = Queue;
        var signal = Signal;
        using var registration = CancellationToken.CanBeCanceled ? CancellationToken.Register(static s => ((WorkSignal)s!).Set(), signal) : default;
        while (true)
        {
            while (queue.TryDequeue(out var item))
            {
                if (item is IPendingWork pending) Generation = pending.Generation;
                item.Run();
            }
            if (CancellationToken.IsCancellationRequested)
            {
                _canceled = true;
                return;
            }
            if (_outstanding == 0) return;
            if (_dataLoaders is { HasPendingKeys: true } loaders)
            {
                // Resolvers that awaited something else continue on pool threads and may be about to ask for keys
                // of this same wave: let them run first while the number of waiting keys keeps growing (graphql-js's
                // DataLoader likewise dispatches only after pending promise callbacks have run).
                // Settled when every outstanding resolver has asked for a key, or when the count has not moved for two
                // rounds (one round is too few when the pool is busy: continuations queued before ours may still be
                // waiting for a thread).
                var waiting = loaders.PendingKeyCount;
                for (int round = 0, unchanged = 0; round < MaxSettleRounds && unchanged < 2 && waiting < _outstanding; round++)
                {
                    await Task.Yield();
                    var now = loaders.PendingKeyCount;
                    unchanged = now == waiting ? unchanged + 1 : 0;
                    waiting = now;
                }
                // Completions that arrived meanwhile run first: they may ask for keys of this wave too.
                if (!queue.IsEmpty) continue;
                loaders.DispatchPending();
                continue;
            }
            await signal.WaitAsync().ConfigureAwait(false);
        }
    }

    // ---- IBatchScheduler ----------------------------------------------------------------------------------------

    void IBatchScheduler.OnPending(DataLoaderBase loader) => Signal.Set();

    void IBatchScheduler.Post(Action action)
    {
        if (_finished)
        {
            action();
            return;
        }
        Enqueue(new ActionWorkItem(action));
    }

    internal void Enqueue(IWorkItem item)
    {
        Queue.Enqueue(item);
        Signal.Set();
    }

    internal void TrackPending(IPendingWork work)
    {
        _outstanding++;
        (_pending ??= new HashSet<IPendingWork>(ReferenceEqualityComparer.Instance)).Add(work);
    }

    internal void UntrackPending(IPendingWork work)
    {
        _outstanding--;
        _pending!.Remove(work);
    }

    internal bool Finished => _finished;

    /// <summary>The promise generation being completed: 0 in the synchronous pass, n+1 for work started in generation n.</summary>
    internal int Generation { get; private set; }

    // ---- Executing selection sets and fields --------------------------------------------------------------------

    private void ExecuteFields(ResultMap map, object? source)
    {
        var fields = map.FieldSet.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (CancellationToken.IsCancellationRequested)
            {
                CancelRemaining(map, i, fields.Length);
                return;
            }
            ExecuteField(map, i, fields[i], source);
            // A non-null field failed synchronously: like graphql-js, the remaining siblings are not executed.
            if (((IResultNode)map).IsDead) return;
        }
    }

    private void ExecuteField(ResultMap map, int slot, CollectedField field, object? source)
    {
        if (field.IsTypeName)
        {
            ((IResultNode)map).SetSlot(slot, map.Type.Name);
            return;
        }
        var context = RentContext(map, slot, field, source);
        if (field.Definition.Resolver is null && _defaultFieldResolver)
        {
            object? value;
            try
            {
                // Coerced even though the default resolver ignores them: an invalid argument is still a field error.
                context.Arguments = field.Arguments;
                value = field.ReadDefault(source);
            }
            catch (Exception error)
            {
                FailField(map, slot, field, error);
                Release(context);
                return;
            }
            CompleteValue(map, slot, field.Definition.Type, field, context, value);
            Release(context);
            return;
        }
        ValueTask<object?> resolved;
        try
        {
            context.Arguments = field.Arguments;
            resolved = (field.Definition.Resolver ?? _fieldResolver)(context);
        }
        catch (Exception error)
        {
            FailField(map, slot, field, error);
            Release(context);
            return;
        }
        if (ValueTasks.IsSynchronous(ref resolved))
        {
            CompleteValue(map, slot, field.Definition.Type, field, context, resolved.Result);
        }
        else
        {
            new PendingValue(this, map, slot, field.Definition.Type, field, context).Start(resolved);
        }
        Release(context);
    }

    /// <summary>graphql-js completeValue: writes the completed value into <paramref name="node"/>[<paramref name="slot"/>].</summary>
    internal void CompleteValue(IResultNode node, int slot, GraphQLType type, CollectedField field, ResolverContext context, object? value)
    {
        if (value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }) value = null;
        if (value is Exception thrown)
        {
            FailField(node, slot, field, thrown);
            return;
        }
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                FailField(node, slot, field, new GraphQLError(
                    $"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Definition.Name}."));
                return;
            }
            type = nonNull.OfType;
        }
        else if (value is null)
        {
            node.SetSlot(slot, null);
            return;
        }
        switch (type)
        {
            case ListType list:
                CompleteList(node, slot, list, field, context, value);
                break;
            case ScalarType or EnumType:
                CompleteLeaf(node, slot, (ILeafType)type, field, value);
                break;
            case ObjectType objectType:
                CompleteObject(node, slot, objectType, field, context, value);
                break;
            case InterfaceType or UnionType:
                CompleteAbstract(node, slot, (IAbstractType)type, field, context, value);
                break;
            default:
                throw new InvalidOperationException("Cannot complete value of unexpected output type: " + type);
        }
    }

    private void CompleteLeaf(IResultNode node, int slot, ILeafType type, CollectedField field, object value)
    {
        object? serialized;
        // The built-in scalars given their own CLR type serialize to the very same (already boxed) value.
        if ((value is string && (ReferenceEquals(type, ScalarType.String) || ReferenceEquals(type, ScalarType.ID)))
            || (value is int && ReferenceEquals(type, ScalarType.Int))
            || (value is bool && ReferenceEquals(type, ScalarType.Boolean))
            || (value is double d && double.IsFinite(d) && ReferenceEquals(type, ScalarType.Float)))
        {
            serialized = value;
        }
        else
        {
            try
            {
                serialized = type.Serialize(value);
            }
            catch (Exception error)
            {
                FailField(node, slot, field, error);
                return;
            }
            if (serialized is null)
            {
                FailField(node, slot, field, new GraphQLError(
                    $"Expected `{type.Name}.serialize({Inspector.Inspect(value)})` to return non-nullable value, returned: null"));
                return;
            }
        }
        node.SetSlot(slot, serialized);
    }

    private void CompleteList(IResultNode node, int slot, ListType type, CollectedField field, ResolverContext context, object value)
    {
        IList? items = null;
        JsonElement json = default;
        var count = 0;
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                json = array;
                count = array.GetArrayLength();
                break;
            case string or JsonElement or IDictionary or IReadOnlyDictionary<string, object?>:
                break;
            case IList list:
                items = list;
                count = list.Count;
                break;
            case IAsyncEnumerable<object?> asyncItems:
                new PendingValue(this, node, slot, type, field, context).Start(AsyncEnumerables.ToListAsync(asyncItems, CancellationToken));
                return;
            case IEnumerable enumerable:
                try
                {
                    var materialized = new List<object?>();
                    foreach (var item in enumerable) materialized.Add(item);
                    items = materialized;
                    count = materialized.Count;
                }
                catch (Exception error)
                {
                    FailField(node, slot, field, error);
                    return;
                }
                break;
            default:
                if (AsyncEnumerables.TryToListAsync(value, CancellationToken) is { } pendingList)
                {
                    new PendingValue(this, node, slot, type, field, context).Start(pendingList);
                    return;
                }
                break;
        }
        if (items is null && json.ValueKind != JsonValueKind.Array)
        {
            FailField(node, slot, field, new GraphQLError(
                $"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Definition.Name}\"."));
            return;
        }

        var itemType = type.OfType;
        var result = new ResultList(count, itemType is not NonNullType, node, slot);
        node.SetSlot(slot, result);
        IResultNode resultNode = result;
        if (items is not null)
        {
            for (var i = 0; i < count; i++)
            {
                if (CancellationToken.IsCancellationRequested)
                {
                    CancelRemaining(result, i, count);
                    return;
                }
                CompleteValue(result, i, itemType, field, context, items[i]);
                if (resultNode.IsDead) return;
            }
        }
        else
        {
            var i = 0;
            foreach (var item in json.EnumerateArray())
            {
                if (CancellationToken.IsCancellationRequested)
                {
                    CancelRemaining(result, i, count);
                    return;
                }
                CompleteValue(result, i, itemType, field, context, item);
                if (resultNode.IsDead) return;
                i++;
            }
        }
    }

    private void CompleteObject(IResultNode node, int slot, ObjectType type, CollectedField field, ResolverContext context, object value)
    {
        if (type.IsTypeOf is { } isTypeOf)
        {
            ValueTask<bool> check;
            try
            {
                check = isTypeOf(value, context);
            }
            catch (Exception error)
            {
                FailField(node, slot, field, error);
                return;
            }
            if (!ValueTasks.IsSynchronous(ref check))
            {
                new PendingIsTypeOf(this, node, slot, type, field, context, value).Start(check);
                return;
            }
            if (!check.Result)
            {
                FailField(node, slot, field, InvalidReturnType(type, value, field));
                return;
            }
        }
        ExecuteObject(node, slot, type, field, value);
    }

    internal static GraphQLError InvalidReturnType(ObjectType type, object? value, CollectedField field)
        => new($"Expected value of type \"{type.Name}\" but got: {Inspector.Inspect(JsonValues.Unwrap(value))}.", field.FieldNodes);

    internal void ExecuteObject(IResultNode node, int slot, ObjectType type, CollectedField field, object? value)
    {
        CollectedFieldSet subFields;
        try
        {
            subFields = field.GetSubFields(type);
        }
        catch (Exception error)
        {
            FailField(node, slot, field, error);
            return;
        }
        var map = new ResultMap(subFields, node, slot);
        node.SetSlot(slot, map);
        ExecuteFields(map, value);
    }

    private void CompleteAbstract(IResultNode node, int slot, IAbstractType type, CollectedField field, ResolverContext context, object value)
    {
        ValueTask<string?> typeName;
        try
        {
            typeName = (type.ResolveType ?? _typeResolver)(value, context, type);
        }
        catch (Exception error)
        {
            FailField(node, slot, field, error);
            return;
        }
        if (!ValueTasks.IsSynchronous(ref typeName))
        {
            new PendingTypeName(this, node, slot, type, field, context, value).Start(typeName);
            return;
        }
        CompleteResolvedType(node, slot, type, field, context, value, typeName.Result);
    }

    internal void CompleteResolvedType(IResultNode node, int slot, IAbstractType type, CollectedField field, ResolverContext context, object value, string? typeName)
    {
        ObjectType runtimeType;
        try
        {
            runtimeType = EnsureValidRuntimeType(typeName, type, field, value);
        }
        catch (GraphQLError error)
        {
            FailField(node, slot, field, error);
            return;
        }
        CompleteObject(node, slot, runtimeType, field, context, value);
    }

    private ObjectType EnsureValidRuntimeType(string? typeName, IAbstractType type, CollectedField field, object value)
    {
        if (typeName is null)
        {
            throw new GraphQLError(
                $"Abstract type \"{type.Name}\" must resolve to an Object type at runtime for field \"{field.ParentType.Name}.{field.Definition.Name}\". Either the \"{type.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                field.FieldNodes);
        }
        var runtimeType = Schema.GetType(typeName);
        if (runtimeType is null)
        {
            throw new GraphQLError(
                $"Abstract type \"{type.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.", field.FieldNodes);
        }
        if (runtimeType is not ObjectType objectType)
            throw new GraphQLError($"Abstract type \"{type.Name}\" was resolved to a non-object type \"{typeName}\".", field.FieldNodes);
        if (!Schema.IsSubType((NamedType)type, objectType))
            throw new GraphQLError($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{type.Name}\".", field.FieldNodes);
        return objectType;
    }

    // ---- Errors and null propagation ----------------------------------------------------------------------------

    /// <summary>
    /// graphql-js locatedError + handleFieldError: a null in a non-null slot nulls the containing object or list
    /// instead, up to the nearest nullable slot (or the root). Errors are recorded with where they were raised and
    /// which containers they nulled; <see cref="OrderedErrors"/> decides deterministically which are reported and in
    /// what order, whatever order the thread pool completed them in.
    /// </summary>
    internal void FailField(IResultNode node, int slot, CollectedField field, Exception raw)
    {
        if (raw is OperationCanceledException && CancellationToken.IsCancellationRequested)
        {
            _canceled = true;
            Propagate(node, slot, null);
            return;
        }
        Propagate(node, slot, Locate(raw, field.FieldNodes, node, slot));
    }

    private static GraphQLError Locate(Exception raw, IReadOnlyList<FieldNode> fieldNodes, IResultNode node, int slot)
    {
        if (raw is GraphQLError { Path: not null } located) return located;
        if (raw is GraphQLError error)
        {
            return new GraphQLError(
                error.Message,
                error.Nodes.Count > 0 ? error.Nodes : fieldNodes,
                error.Nodes.Count > 0 || error.SourceDocument is null ? null : error.Locations,
                node.PathOfSlot(slot).ToList(),
                error.Extensions,
                error);
        }
        return new GraphQLError(raw.Message, fieldNodes, path: node.PathOfSlot(slot).ToList(), originalError: raw);
    }

    /// <param name="error">Null fails the slot without reporting (cancellation).</param>
    private void Propagate(IResultNode node, int slot, GraphQLError? error)
    {
        if (error is not null) AddError(error, node, slot);
        while (true)
        {
            if (node.IsSlotNullable(slot))
            {
                node.SetSlot(slot, null);
                return;
            }
            if (node.IsDead || node.Parent is not { } parent)
            {
                node.IsDead = true;
                return;
            }
            node.IsDead = true;
            slot = node.ParentSlot;
            node = parent;
        }
    }

    /// <summary>An error, the slot that raised it (null node for an operation-level error) and the promise generation it was raised in.</summary>
    private readonly record struct RaisedError(GraphQLError Error, IResultNode? Node, int Slot, int Generation);

    private void AddError(GraphQLError error, IResultNode? node, int slot) => (_errors ??= []).Add(new RaisedError(error, node, slot, Generation));

    /// <summary>
    /// The reported errors, as graphql-js settles them but without depending on timing: by promise generation (the
    /// synchronous pass first, then each round of completions), then by response position (depth first, fields in
    /// response-key order, list items by index). A non-null error whose null reaches a container an earlier error
    /// (in that order) already nulled is not reported: graphql-js's Promise.all for that container has already
    /// rejected and ignores it. Nullable fields' errors are always reported.
    /// </summary>
    private List<GraphQLError>? OrderedErrors()
    {
        if (_errors is not { } raised) return null;
        var ordered = new List<GraphQLError>(raised.Count + 1);
        if (raised.Count == 1)
        {
            ordered.Add(raised[0].Error);
            return ordered;
        }
        var positions = new int[raised.Count][];
        var order = new int[raised.Count];
        for (var i = 0; i < raised.Count; i++)
        {
            positions[i] = PositionOf(raised[i].Node, raised[i].Slot);
            order[i] = i;
        }
        // Ties (never expected: one error per slot) keep recording order, so the sort is stable.
        Array.Sort(order, (a, b) =>
            raised[a].Generation.CompareTo(raised[b].Generation) is var g && g != 0 ? g
            : ComparePositions(positions[a], positions[b]) is var c && c != 0 ? c : a.CompareTo(b));
        HashSet<IResultNode>? nulled = null;
        foreach (var i in order)
        {
            if (!Reported(raised[i], ref nulled)) continue;
            ordered.Add(raised[i].Error);
        }
        return ordered;
    }

    /// <summary>False when the error's null runs into a container already nulled by an error reported before it.</summary>
    private static bool Reported(RaisedError error, ref HashSet<IResultNode>? nulled)
    {
        if (error.Node is not { } node) return true;
        var slot = error.Slot;
        var chain = 0;
        for (var n = node; !n.IsSlotNullable(slot); n = n.Parent!)
        {
            if (nulled?.Contains(n) == true) return false;
            chain++;
            if (n.Parent is null) break;
            slot = n.ParentSlot;
        }
        if (chain == 0) return true;
        nulled ??= new HashSet<IResultNode>(ReferenceEqualityComparer.Instance);
        slot = error.Slot;
        for (var n = node; !n.IsSlotNullable(slot); n = n.Parent!)
        {
            nulled.Add(n);
            if (n.Parent is null) break;
            slot = n.ParentSlot;
        }
        return true;
    }

    /// <summary>Slot indexes from the root down to <paramref name="slot"/> of <paramref name="node"/>.</summary>
    private static int[] PositionOf(IResultNode? node, int slot)
    {
        if (node is null) return [];
        var depth = 1;
        for (var n = node; n.Parent is not null; n = n.Parent) depth++;
        var position = new int[depth];
        position[--depth] = slot;
        for (var n = node; n.Parent is { } parent; n = parent) position[--depth] = n.ParentSlot;
        return position;
    }

    /// <summary>Lexicographic; a position comes before the positions below it (depth-first pre-order).</summary>
    private static int ComparePositions(int[] a, int[] b)
    {
        var common = Math.Min(a.Length, b.Length);
        for (var i = 0; i < common; i++)
        {
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Cancellation seen between fields or items: the unstarted slots become null without errors of their own.</summary>
    private void CancelRemaining(IResultNode node, int from, int count)
    {
        _canceled = true;
        for (var i = from; i < count && !node.IsDead; i++) Propagate(node, i, null);
    }

    internal void Abandon(IResultNode node, int slot) => Propagate(node, slot, null);

    // ---- Resolver contexts --------------------------------------------------------------------------------------

    private ResolverContext RentContext(ResultMap map, int slot, CollectedField field, object? source)
    {
        var context = _contextPool.Count > 0 ? _contextPool.Pop() : new ResolverContext(this);
        context.Reset(map, slot, field, source);
        return context;
    }

    /// <summary>Drops one reference; the last one returns the context to the pool (pending work holds its own).</summary>
    internal void Release(ResolverContext context)
    {
        if (--context.References == 0 && !_finished)
        {
            context.Clear();
            _contextPool.Push(context);
        }
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
