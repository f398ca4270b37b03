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

    /// <summary>The query reaching <paramref name="coordinate"/> under <paramref name="size"/>-sized lists.</summary>
    public string QueryFor(string coordinate, int size, ArgumentSamples samples)
    {
        var parent = ParentOf(coordinate);
        var type = (ObjectType)_schema.GetType(parent)!;
        var field = type.GetField(coordinate[(parent.Length + 1)..]) ?? throw new InvalidOperationException(coordinate + " is not in the schema");
        var steps = _pathToParent[parent].Append(new Step(parent, field, Named(field.Type).Name)).ToList();
        var text = new StringBuilder();
        foreach (var step in steps)
            text.Append(step.Field is null ? $"... on {step.TypeName} {{ __typename " : $"{step.Field.Name}{Arguments(step, size, samples)} {{ __typename ");
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

    private static bool IsSizeKnob(FieldDefinition field) =>
        field.GetArgument("first") is { } first && Named(first.Type).Name == "Int" && Named(field.Type) is ICompositeType && IsList(field.Type, out _);

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

    /// <summary>BFS over (type, "under a sized list yet") states, from Query; the first time a type is reached sized wins.</summary>
    private void FindPaths()
    {
        var query = _schema.QueryType!;
        var seen = new HashSet<(string, bool)> { (query.Name, false) };
        var queue = new Queue<(ObjectType Type, bool Sized, IReadOnlyList<Step> Path)>();
        queue.Enqueue((query, false, []));
        while (queue.Count > 0)
        {
            var (type, sized, path) = queue.Dequeue();
            if (sized) _pathToParent.TryAdd(type.Name, path);
            foreach (var field in type.Fields)
            {
                if (field.Name.StartsWith("__", StringComparison.Ordinal) || Named(field.Type) is not ICompositeType) continue;
                if (field.Arguments.Any(a => a.IsRequired && Literal(a, 1, ArgumentSamples.Placeholder) is null)) continue;
                var next = Named(field.Type);
                var nowSized = sized || IsSizeKnob(field);
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

    private static string Arguments(Step step, int size, ArgumentSamples samples)
    {
        var field = step.Field!;
        var args = new List<string>();
        foreach (var a in field.Arguments)
        {
            if (a.Name == "first" && IsSizeKnob(field)) args.Add("first: " + size.ToString(CultureInfo.InvariantCulture));
            else if (a.IsRequired) args.Add(a.Name + ": " + Literal(a, size, samples));
        }
        if (ExtraArguments.TryGetValue(step.Owner + "." + field.Name, out var extra)) args.Add(extra);
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
