using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Limits;

/// <summary>Depth, alias count and estimated cost of one operation.</summary>
public readonly record struct OperationMetrics(int Depth, int Aliases, long Cost);

/// <summary>
/// Measures an operation before it is validated or executed, so hostile documents are refused cheaply.
/// Fragments are expanded where they are spread, but each fragment is measured once per analysis (memoized),
/// so a fan-out of spreads cannot make the analysis itself exponential. Fragment cycles (which validation rejects
/// later) count as empty.
/// <para>Cost: each field costs <see cref="FieldDefinition.Cost"/> (default 1). The sub-selection of a paged field
/// (one that declares a <c>first</c> or <c>last</c> argument) is multiplied by the requested page size, else by the
/// <c>first</c> argument's default, else by field metadata <c>defaultPageSize</c>, else by the server default page
/// size. A list field without paging arguments multiplies by metadata <c>listSize</c> when set, else 1 (short
/// bounded lists). Branches for different type conditions are summed, an over-estimate that stays safe.</para>
/// </summary>
public sealed class OperationAnalyzer
{
    /// <summary>Metadata key on a paged <see cref="FieldDefinition"/>: the page size it uses when none is asked for.</summary>
    public const string DefaultPageSizeMetadata = "defaultPageSize";
    /// <summary>Metadata key on a list <see cref="FieldDefinition"/> without paging: its expected number of items.</summary>
    public const string ListSizeMetadata = "listSize";

    private const long CostCeiling = long.MaxValue / 4;
    private const int DepthCeiling = 1_000_000;

    private readonly Schema? _schema;
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly int _defaultPageSize;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Depth, int Aliases)?> _shapeMemo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _costMemo = new(StringComparer.Ordinal);

    public OperationAnalyzer(DocumentNode document, Schema? schema, IReadOnlyDictionary<string, object?>? variables, int defaultPageSize)
    {
        _schema = schema;
        _variables = variables;
        _defaultPageSize = defaultPageSize;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment) _fragments.TryAdd(fragment.Name.Value, fragment);
        }
    }

    /// <summary>Measures one operation (see the class summary for the cost model).</summary>
    public OperationMetrics Analyze(OperationDefinitionNode operation)
    {
        var (depth, aliases) = Shape(operation.SelectionSet);
        var root = _schema?.GetRootType(operation.Operation);
        var cost = Cost(operation.SelectionSet, root);
        return new OperationMetrics(depth, aliases, cost);
    }

    /// <summary>The operations a request can run: the named one, else all (execution reports ambiguity itself).</summary>
    public static IEnumerable<OperationDefinitionNode> SelectOperations(DocumentNode document, string? operationName)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode op && (operationName is null || op.Name?.Value == operationName)) yield return op;
        }
    }

    // ---- depth and aliases (independent of the schema and variables) ----

    private (int Depth, int Aliases) Shape(SelectionSetNode selectionSet)
    {
        // A document nested thousands deep fits in the token limit; report it as (too) deep rather than overflow.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) return (DepthCeiling, 0);
        var depth = 0;
        var aliases = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                {
                    if (field.Alias is not null) aliases++;
                    var childDepth = 0;
                    if (field.SelectionSet is { } sub)
                    {
                        var (d, a) = Shape(sub);
                        childDepth = d;
                        aliases = SaturatingAdd(aliases, a);
                    }
                    depth = Math.Max(depth, Math.Min(childDepth, DepthCeiling) + 1);
                    break;
                }
                case InlineFragmentNode inline:
                {
                    var (d, a) = Shape(inline.SelectionSet);
                    depth = Math.Max(depth, d);
                    aliases = SaturatingAdd(aliases, a);
                    break;
                }
                case FragmentSpreadNode spread:
                {
                    var (d, a) = FragmentShape(spread.Name.Value);
                    depth = Math.Max(depth, d);
                    aliases = SaturatingAdd(aliases, a);
                    break;
                }
            }
        }
        return (depth, aliases);
    }

    private (int Depth, int Aliases) FragmentShape(string name)
    {
        if (_shapeMemo.TryGetValue(name, out var memo)) return memo ?? (0, 0); // null: in progress, a cycle
        if (!_fragments.TryGetValue(name, out var fragment)) return (0, 0);
        _shapeMemo[name] = null;
        var result = Shape(fragment.SelectionSet);
        _shapeMemo[name] = result;
        return result;
    }

    private static int SaturatingAdd(int a, int b) => (int)Math.Min((long)a + b, int.MaxValue);

    // ---- cost ----

    private long Cost(SelectionSetNode selectionSet, NamedType? parentType)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) return CostCeiling;
        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            long cost = selection switch
            {
                FieldNode field => FieldCost(field, parentType),
                InlineFragmentNode inline => Cost(inline.SelectionSet,
                    inline.TypeCondition is { } tc ? _schema?.GetType(tc.Name.Value) : parentType),
                FragmentSpreadNode spread => FragmentCost(spread.Name.Value),
                _ => 0,
            };
            total = Math.Min(total + cost, CostCeiling);
        }
        return total;
    }

    private long FragmentCost(string name)
    {
        if (_costMemo.TryGetValue(name, out var memo)) return memo ?? 0;
        if (!_fragments.TryGetValue(name, out var fragment)) return 0;
        _costMemo[name] = null;
        var cost = Cost(fragment.SelectionSet, _schema?.GetType(fragment.TypeCondition.Name.Value));
        _costMemo[name] = cost;
        return cost;
    }

    private long FieldCost(FieldNode field, NamedType? parentType)
    {
        var definition = parentType is null || _schema is null
            ? null
            : Utilities.TypeInfo.GetFieldDefinition(_schema, parentType, field.Name.Value);
        long own = definition?.Cost ?? 1;
        if (field.SelectionSet is not { } sub) return own;
        var childType = definition is null ? null : definition.Type.GetNamedType();
        var children = Cost(sub, childType);
        var multiplier = definition is null ? 1 : Multiplier(field, definition);
        var product = multiplier == 0 ? 0 : children > CostCeiling / multiplier ? CostCeiling : children * multiplier;
        return Math.Min(own + product, CostCeiling);
    }

    private long Multiplier(FieldNode field, FieldDefinition definition)
    {
        var firstArg = definition.GetArgument("first");
        var lastArg = definition.GetArgument("last");
        if (firstArg is not null || lastArg is not null)
        {
            long? requested = null;
            foreach (var argument in field.Arguments)
            {
                if (argument.Name.Value is "first" or "last" && IntValue(argument.Value) is { } size)
                    requested = Math.Max(requested ?? 0, size);
            }
            if (requested is { } r) return Math.Max(r, 0);
            if (firstArg is { HasDefaultValue: true, DefaultValue: int d }) return d;
            if (Metadata(definition, DefaultPageSizeMetadata) is { } m) return m;
            return _defaultPageSize;
        }
        if (IsList(definition.Type) && Metadata(definition, ListSizeMetadata) is { } listSize) return listSize;
        return 1;
    }

    private static bool IsList(GraphQLType type) => (type is NonNullType nn ? nn.OfType : type) is ListType;

    private static long? Metadata(FieldDefinition definition, string key) =>
        definition.Metadata.TryGetValue(key, out var value) && value is int or long ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    private long? IntValue(ValueNode value)
    {
        switch (value)
        {
            case IntValueNode i:
                return long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : CostCeiling;
            case VariableNode v when _variables is not null && _variables.TryGetValue(v.Name.Value, out var raw):
                return raw switch
                {
                    int x => x,
                    long x => x,
                    double x when x == Math.Floor(x) && Math.Abs(x) < CostCeiling => (long)x,
                    JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var x) => x,
                    _ => null,
                };
            default:
                return null;
        }
    }
}
