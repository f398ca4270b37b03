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
    // Lazy: built on first use, after the static tables below are initialised.
    private static readonly Lazy<SchemaPaths> Built = new(() => new SchemaPaths(SefDataSchema.Build()));

    public static SchemaPaths Instance => Built.Value;

    /// <summary>Optional arguments added to a path field so the parents spread over the data (not one LA's schools).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> ExtraArguments = new()
    {
        ["Query.schools"] = new() { ["order"] = "[{ name: ASC }]" },
    };

    /// <summary>
    /// Arguments ("Type.field.argument") a parent type needs on the way: a framework's grade breakdown only appears
    /// for years when that framework was in force; school links (amalgamations) are on closed schools; ungraded
    /// inspections (from 2022) on schools still open.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> ParentArguments = new()
    {
        ["Pre2010AreaGrades"] = new() { ["LocalAuthority.estynGradeDistribution.year"] = "\"2008/09\"", ["Consortium.estynGradeDistribution.year"] = "\"2008/09\"" },
        ["Cif2010AreaGrades"] = new() { ["LocalAuthority.estynGradeDistribution.year"] = "\"2014/15\"", ["Consortium.estynGradeDistribution.year"] = "\"2014/15\"" },
        ["SchoolLink"] = new() { ["Query.schools.where"] = "{ closeDate: { gte: \"1990-01-01\" } }" },
        ["UngradedInspection"] = new()
        {
            // Newest schools opened before 2021: their first inspection (18-36 months after opening) is ungraded.
            ["Query.schools.where"] = "{ openOn: \"2024-01-01\", openDate: { lt: \"2021-01-01\" } }",
            ["Query.schools.order"] = "[{ openDate: DESC }, { schoolNumber: ASC }]",
        },
    };

    /// <summary>
    /// Fields whose lists are sized by thresholds rather than <c>first</c>: the arguments for a small and a large run.
    /// Brokerage alerts list every provider above a threshold, so a threshold nobody reaches gives none.
    /// </summary>
    private static readonly Dictionary<string, Func<bool, Dictionary<string, string>>> SizeArguments = new()
    {
        ["Query.brokerageAlerts"] = large => large
            ? new() { ["overloadedAbove"] = "0", ["repeatedAt"] = "1", ["windowYears"] = "10" }
            : new() { ["overloadedAbove"] = "1", ["repeatedAt"] = "2", ["windowYears"] = "1" },
    };

    private enum Sizing { None, Pending, Sized }

    private readonly GraphQLSchema _schema;
    /// <summary>How many different paths to a parent type are kept (tried in order until one multiplies the parents).</summary>
    private const int PathsPerType = 8;

    private readonly Dictionary<string, List<IReadOnlyList<Step>>> _pathsToParent = [];

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
    public IReadOnlyList<string> Unreachable => Targets.Where(t => !_pathsToParent.ContainsKey(ParentOf(t))).ToList();

    /// <summary>How many candidate paths reach the coordinate's parent (shortest first).</summary>
    public int PathCount(string coordinate) => _pathsToParent.TryGetValue(ParentOf(coordinate), out var paths) ? paths.Count : 0;

    /// <summary>
    /// Connection-typed fields (a type with <c>pageInfo</c> and <c>nodes</c>) outside Query. Each parent would page its
    /// own connection; batching nested connections is not implemented in SefData.GraphQL.Data, so none may exist unnoticed.
    /// </summary>
    public IReadOnlyList<string> NestedConnections => _schema.Types.OfType<ObjectType>()
        .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t != _schema.QueryType)
        .SelectMany(t => t.Fields.Where(f => Named(f.Type) is ObjectType o && o.GetField("pageInfo") is not null && o.GetField("nodes") is not null)
            .Select(f => t.Name + "." + f.Name))
        .ToList();

    public static string ParentOf(string coordinate) => coordinate[..coordinate.IndexOf('.')];

    /// <summary>One hop of a path: a field of <see cref="Owner"/>, or a type condition (<c>... on Type</c>) when <see cref="Field"/> is null.</summary>
    public sealed record Step(string Owner, FieldDefinition? Field, string TypeName);

    /// <summary>List sizes (<c>first</c>) of the small and the large run.</summary>
    public const int SmallSize = 3, LargeSize = 30;

    /// <summary>The query reaching <paramref name="coordinate"/> under small or large sized lists.</summary>
    public string QueryFor(string coordinate, int path, bool large, ArgumentSamples samples)
    {
        var size = large ? LargeSize : SmallSize;
        var parent = ParentOf(coordinate);
        var type = (ObjectType)_schema.GetType(parent)!;
        var field = type.GetField(coordinate[(parent.Length + 1)..]) ?? throw new InvalidOperationException(coordinate + " is not in the schema");
        var steps = _pathsToParent[parent][path].Append(new Step(parent, field, Named(field.Type).Name)).ToList();
        var overrides = ParentArguments.GetValueOrDefault(parent);
        var text = new StringBuilder();
        foreach (var step in steps)
            text.Append(step.Field is null ? $"... on {step.TypeName} {{ __typename " : $"{step.Field.Name}{Arguments(step, size, large, samples, overrides)} {{ __typename ");
        text.Append(new string('}', steps.Count).Replace("}", " }"));
        return "{ " + text + " }";
    }

    /// <summary>How many objects of the parent type the response holds along the path (duplicates count: each is resolved).</summary>
    public int CountParents(string coordinate, int path, JsonElement data)
    {
        var parent = ParentOf(coordinate);
        IEnumerable<JsonElement> level = [data];
        foreach (var step in _pathsToParent[parent][path])
            level = step.Field is null
                ? level.Where(o => TypeNameOf(o) == step.TypeName)
                : level.SelectMany(o => o.TryGetProperty(step.Field.Name, out var v) ? Flatten(v) : []);
        return level.Count(o => TypeNameOf(o) == parent);
    }

    /// <summary>The path to a coordinate's parent, for messages ("Query.schools > SchoolsConnection.nodes > ...").</summary>
    public string Describe(string coordinate, int path) =>
        string.Join(" > ", _pathsToParent[ParentOf(coordinate)][path].Select(s => s.Field is null ? "on " + s.TypeName : s.Owner + "." + s.Field.Name)) + " > " + coordinate;

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
        var list = IsList(field.Type);
        if (IsSizeKnob(owner, field)) return list ? Sizing.Sized : sizing == Sizing.Sized ? Sizing.Sized : Sizing.Pending;
        return sizing == Sizing.Pending && list ? Sizing.Sized : sizing;
    }

    /// <summary>A list type (a connection is a single object: its nodes/edges lists are what <c>first</c> sizes).</summary>
    private static bool IsList(GraphQLType type) => (type is NonNullType nn ? nn.OfType : type) is ListType;

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
        var visits = new Dictionary<(string, Sizing), int> { [(query.Name, Sizing.None)] = 1 };
        var arrivals = new HashSet<(string, Sizing, string, string)>();
        var queue = new Queue<(ObjectType Type, Sizing Sizing, IReadOnlyList<Step> Path)>();
        queue.Enqueue((query, Sizing.None, []));
        while (queue.Count > 0)
        {
            var (type, sizing, path) = queue.Dequeue();
            if (sizing == Sizing.Sized)
            {
                if (!_pathsToParent.TryGetValue(type.Name, out var paths)) _pathsToParent[type.Name] = paths = [];
                paths.Add(path);
            }
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
                    // Each state is expanded a few times, once per root field and field leading to it (different
                    // routes: if the demo data leaves one empty, another may not be), never through a type already on the path.
                    var root = path.Count > 0 ? path[0].Field!.Name : field.Name;
                    var visited = visits.GetValueOrDefault((concrete.Name, nowSized));
                    if (visited >= PathsPerType || path.Any(p => p.Owner == concrete.Name)
                        || !arrivals.Add((concrete.Name, nowSized, root, type.Name + "." + field.Name))) continue;
                    visits[(concrete.Name, nowSized)] = visited + 1;
                    var newPath = condition is null ? path.Append(step).ToList() : path.Append(step).Append(condition).ToList();
                    queue.Enqueue((concrete, nowSized, newPath));
                }
            }
        }
    }

    private static string Arguments(Step step, int size, bool large, ArgumentSamples samples, IReadOnlyDictionary<string, string>? overrides)
    {
        var field = step.Field!;
        var coordinate = step.Owner + "." + field.Name;
        var set = new Dictionary<string, string>();
        foreach (var a in field.Arguments)
        {
            if (a.Name == "first" && IsSizeKnob(step.Owner, field)) set[a.Name] = size.ToString(CultureInfo.InvariantCulture);
            else if (a.IsRequired) set[a.Name] = Literal(a, size, samples)!;
            // "As at" dates default to today, when most demo facts (consortia, follow-ups) have ended.
            else if (a.Name == "asOf" && Named(a.Type).Name == "Date") set[a.Name] = "\"2019-01-31\"";
        }
        if (ExtraArguments.TryGetValue(coordinate, out var extra)) foreach (var (k, v) in extra) set[k] = v;
        if (SizeArguments.TryGetValue(coordinate, out var sized)) foreach (var (k, v) in sized(large)) set[k] = v;
        if (overrides is not null)
            foreach (var (k, v) in overrides)
                if (k.StartsWith(coordinate + ".", StringComparison.Ordinal)) set[k[(coordinate.Length + 1)..]] = v;
        return set.Count == 0 ? "" : "(" + string.Join(", ", set.Select(kv => kv.Key + ": " + kv.Value)) + ")";
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
