using System.Globalization;
using System.Text;
using System.Text.Json;
using SefData.Api.GraphQL;
using SefData.GraphQL.Types;
using GraphQLSchema = SefData.GraphQL.Types.Schema;

namespace SefData.Api.Tests.Performance;

/// <summary>Demo-data values for required arguments that must name something that exists (read from the database).</summary>
public sealed record ArgumentSamples(string SchoolNumber, string LaCode, string ConsortiumCode, string RedSchoolNumber)
{
    /// <summary>Stand-in used while finding paths (only whether an argument can be filled matters then).</summary>
    public static readonly ArgumentSamples Placeholder = new("0", "0", "0", "0");
}

/// <summary>
/// Walks the schema the API serves (<see cref="SefDataSchema.Build"/>, the same call the server makes) and, for every
/// field of an object type that returns an object, interface or union, finds the shortest path from Query to its
/// parent type that passes through a list whose length a <c>first</c> argument controls. Running that path at two
/// sizes multiplies the parents; a batched field costs the same number of SQL commands either way.
/// </summary>
public sealed class SchemaPaths
{
    public static SchemaPaths Instance { get; } = new(SefDataSchema.Build());

    /// <summary>Optional arguments added to a path field so the parents spread over the data (not one LA's schools).</summary>
    private static readonly Dictionary<string, string> ExtraArguments = new()
    {
        ["Query.schools"] = "order: [{ name: ASC }]",
    };

    /// <summary>
    /// Fields whose lists are sized by thresholds rather than <c>first</c>: the arguments for a small and a large run.
    /// Brokerage alerts list every provider above a threshold, so a threshold nobody reaches gives none.
    /// </summary>
    private static readonly Dictionary<string, Func<bool, string>> SizeArguments = new()
    {
        ["Query.brokerageAlerts"] = large => large ? "overloadedAbove: 0, repeatedAt: 1, windowYears: 10" : "overloadedAbove: 1000, repeatedAt: 1000",
    };

    private enum Sizing { None, Pending, Sized }

    private readonly GraphQLSchema _schema;
    private readonly Dictionary<string, IReadOnlyList<Step>> _pathToParent = [];

    private SchemaPaths(GraphQLSchema schema)
    {
        _schema = schema;
        Targets = schema.Types.OfType<ObjectType>()
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t != schema.QueryType && t != schema.MutationType)
            .SelectMany(t => t.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal) && Named(f.Type) is ICompositeType)
                .Select(f => t.Name + "." + f.Name))
            .Order(StringComparer.Ordinal)
            .ToList();
        FindPaths();
    }

    /// <summary>Every "Type.field" returning an object, interface or union (root Query/Mutation fields excluded).</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Targets whose parent type no path through a sized list reaches.</summary>
    public IReadOnlyList<string> Unreachable => Targets.Where(t => !_pathToParent.ContainsKey(ParentOf(t))).ToList();

    public static string ParentOf(string coordinate) => coordinate[..coordinate.IndexOf('.')];

    /// <summary>One hop of a path: a field of <see cref="Owner"/>, or a type condition (<c>... on Type</c>) when <see cref="Field"/> is null.</summary>
    public sealed record Step(string Owner, FieldDefinition? Field, string TypeName);

    /// <summary>List sizes (<c>first</c>) of the small and the large run.</summary>
    public const int SmallSize = 3, LargeSize = 30;

    /// <summary>The query reaching <paramref name="coordinate"/> under small or large sized lists.</summary>
    public string QueryFor(string coordinate, bool large, ArgumentSamples samples)
    {
        var size = large ? LargeSize : SmallSize;
        var parent = ParentOf(coordinate);
        var type = (ObjectType)_schema.GetType(parent)!;
        var field = type.GetField(coordinate[(parent.Length + 1)..]) ?? throw new InvalidOperationException(coordinate + " is not in the schema");
        var steps = _pathToParent[parent].Append(new Step(parent, field, Named(field.Type).Name)).ToList();
        var text = new StringBuilder();
        foreach (var step in steps)
            text.Append(step.Field is null ? $"... on {step.TypeName} {{ __typename " : $"{step.Field.Name}{Arguments(step, size, large, samples)} {{ __typename ");
        text.Append(new string('}', steps.Count).Replace("}", " }"));
        return "{ " + text + " }";
    }

    /// <summary>How many objects of the parent type the response holds along the path (duplicates count: each is resolved).</summary>
    public int CountParents(string coordinate, JsonElement data)
    {
        var parent = ParentOf(coordinate);
        IEnumerable<JsonElement> level = [data];
        foreach (var step in _pathToParent[parent])
            level = step.Field is null
                ? level.Where(o => TypeNameOf(o) == step.TypeName)
                : level.SelectMany(o => o.TryGetProperty(step.Field.Name, out var v) ? Flatten(v) : []);
        return level.Count(o => TypeNameOf(o) == parent);
    }

    /// <summary>The path to a coordinate's parent, for messages ("Query.schools > SchoolsConnection.nodes > ...").</summary>
    public string Describe(string coordinate) =>
        string.Join(" > ", _pathToParent[ParentOf(coordinate)].Select(s => s.Field is null ? "on " + s.TypeName : s.Owner + "." + s.Field.Name)) + " > " + coordinate;

    private static string? TypeNameOf(JsonElement o) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty("__typename", out var t) ? t.GetString() : null;

    private static IEnumerable<JsonElement> Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Flatten),
        JsonValueKind.Object => [value],
        _ => [],
    };

    /// <summary>A field whose arguments set how many items a list at or below it has.</summary>
    private static bool IsSizeKnob(string owner, FieldDefinition field) =>
        SizeArguments.ContainsKey(owner + "." + field.Name) || field.GetArgument("first") is { } first && Named(first.Type).Name == "Int";

    /// <summary>A sized list makes its items parents; a knob on a single object (a result with lists inside) sizes the next list down.</summary>
    private static Sizing Next(Sizing sizing, string owner, FieldDefinition field)
    {
        var list = IsList(field.Type, out _);
        if (IsSizeKnob(owner, field)) return list ? Sizing.Sized : sizing == Sizing.Sized ? Sizing.Sized : Sizing.Pending;
        return sizing == Sizing.Pending && list ? Sizing.Sized : sizing;
    }

    private static bool IsList(GraphQLType type, out GraphQLType inner)
    {
        while (type is NonNullType nn) type = nn.OfType;
        inner = type;
        if (type is ListType) return true;
        // A connection is a sized list of its nodes.
        return type is ObjectType o && o.GetField("nodes") is not null && o.GetField("pageInfo") is not null;
    }

    private static NamedType Named(GraphQLType type) => type switch
    {
        NonNullType n => Named(n.OfType),
        ListType l => Named(l.OfType),
        NamedType t => t,
        _ => throw new InvalidOperationException("Unexpected type " + type),
    };

    /// <summary>BFS over (type, sizing) states, from Query; the first time a type is reached sized wins.</summary>
    private void FindPaths()
    {
        var query = _schema.QueryType!;
        var seen = new HashSet<(string, Sizing)> { (query.Name, Sizing.None) };
        var queue = new Queue<(ObjectType Type, Sizing Sizing, IReadOnlyList<Step> Path)>();
        queue.Enqueue((query, Sizing.None, []));
        while (queue.Count > 0)
        {
            var (type, sizing, path) = queue.Dequeue();
            if (sizing == Sizing.Sized) _pathToParent.TryAdd(type.Name, path);
            foreach (var field in type.Fields)
            {
                if (field.Name.StartsWith("__", StringComparison.Ordinal) || Named(field.Type) is not ICompositeType) continue;
                if (field.Arguments.Any(a => a.IsRequired && Literal(a, 1, ArgumentSamples.Placeholder) is null)) continue;
                var next = Named(field.Type);
                var nowSized = Next(sizing, type.Name, field);
                var step = new Step(type.Name, field, next.Name);
                var targets = next is ObjectType o ? [(o, (Step?)null)] : _schema.GetPossibleTypes(next).Select(c => (c, (Step?)new Step(next.Name, null, c.Name)));
                foreach (var (concrete, condition) in targets)
                {
                    if (!seen.Add((concrete.Name, nowSized))) continue;
                    var newPath = condition is null ? path.Append(step).ToList() : path.Append(step).Append(condition).ToList();
                    queue.Enqueue((concrete, nowSized, newPath));
                }
            }
        }
    }

    private static string Arguments(Step step, int size, bool large, ArgumentSamples samples)
    {
        var field = step.Field!;
        var args = new List<string>();
        foreach (var a in field.Arguments)
        {
            if (a.Name == "first" && IsSizeKnob(step.Owner, field)) args.Add("first: " + size.ToString(CultureInfo.InvariantCulture));
            else if (a.IsRequired) args.Add(a.Name + ": " + Literal(a, size, samples));
        }
        var coordinate = step.Owner + "." + field.Name;
        if (ExtraArguments.TryGetValue(coordinate, out var extra)) args.Add(extra);
        if (SizeArguments.TryGetValue(coordinate, out var sized)) args.Add(sized(large));
        return args.Count == 0 ? "" : "(" + string.Join(", ", args) + ")";
    }

    /// <summary>A sensible value for a required argument from the demo data's range, or null when none can be made up.</summary>
    private static string? Literal(ArgumentDefinition argument, int size, ArgumentSamples samples)
    {
        var type = Named(argument.Type);
        if (argument.Type is NonNullType { OfType: ListType } or ListType) return null;
        return type switch
        {
            { Name: "AcademicYear" } => argument.Name == "from" ? "\"2017/18\"" : "\"2018/19\"",
            { Name: "Date" } => "\"2019-01-31\"",
            { Name: "Int" } => size.ToString(CultureInfo.InvariantCulture),
            { Name: "Boolean" } => "true",
            { Name: "String" } => argument.Name switch
            {
                "schoolNumber" => JsonSerializer.Serialize(samples.SchoolNumber),
                "laCode" => JsonSerializer.Serialize(samples.LaCode),
                "code" => JsonSerializer.Serialize(samples.ConsortiumCode),
                "recipient" => JsonSerializer.Serialize(samples.RedSchoolNumber),
                "focus" => "\"Literacy and leadership\"",
                _ => null,
            },
            EnumType e => e.Values[0].Name,
            _ => null, // IDs, input objects: nothing sensible to make up
        };
    }
}
