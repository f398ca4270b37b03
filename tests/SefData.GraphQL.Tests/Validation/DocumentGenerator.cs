using System.Globalization;
using System.Text;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Validation;

/// <summary>
/// Makes pseudo-random executable documents for a schema (the same ones for a given seed): mostly well formed, with
/// mistakes of every kind the rules look for sprinkled in (misspelt fields and arguments, wrong literal kinds,
/// undeclared/unused/misplaced variables, clashing aliases, impossible fragments, cycles, misplaced directives).
/// They are validated by SefData and graphql-js like the hand-written corpus, to find cases nobody thought of.
/// Every document is syntactically valid.
/// </summary>
public sealed class DocumentGenerator(Schema schema, int seed)
{
    private readonly Random _random = new(seed);
    private readonly StringBuilder _sb = new();
    private readonly List<(string Name, string Type)> _variables = [];
    private readonly List<string> _fragmentNames = [];
    private readonly List<string> _usedVariables = [];
    private int _depth;
    private int _introspectionDepth;

    private bool Chance(double p) => _random.NextDouble() < p;
    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Next()
    {
        _sb.Clear();
        _fragmentNames.Clear();
        var fragmentCount = _random.Next(0, 4);
        for (var i = 0; i < fragmentCount; i++) _fragmentNames.Add("F" + i.ToString(CultureInfo.InvariantCulture));
        if (Chance(0.1)) _fragmentNames.Add("Missing");

        var operations = Chance(0.85) ? 1 : 2;
        for (var i = 0; i < operations; i++) Operation(operations > 1 && Chance(0.8) ? "Op" + (Chance(0.2) ? "" : i.ToString(CultureInfo.InvariantCulture)) : null);
        for (var i = 0; i < fragmentCount; i++) Fragment(_fragmentNames[i]);
        return _sb.ToString();
    }

    private void Operation(string? name)
    {
        var kind = _random.Next(10) switch { < 7 => "query", < 9 => "mutation", _ => "subscription" };
        var root = (kind switch { "query" => schema.QueryType, "mutation" => schema.MutationType, _ => schema.SubscriptionType })!;
        _variables.Clear();
        _usedVariables.Clear();
        var variableCount = _random.Next(0, 4);
        for (var i = 0; i < variableCount; i++)
        {
            var type = RandomInputTypeText();
            _variables.Add(("v" + i.ToString(CultureInfo.InvariantCulture), type));
        }
        if (Chance(0.05) && _variables.Count > 0) _variables.Add(_variables[0]);

        // The selection set is written first so that variable usages are known when declaring them.
        var body = new StringBuilder();
        var saved = _sb.ToString();
        _sb.Clear();
        _depth = 0;
        SelectionSet(root, kind == "subscription" ? 1 : _random.Next(1, 4));
        body.Append(_sb);
        _sb.Clear().Append(saved);

        if (name is null && kind == "query" && _variables.Count == 0 && Chance(0.3))
        {
            _sb.Append(body).Append('\n'); // shorthand query
            return;
        }
        _sb.Append(kind);
        if (name is not null) _sb.Append(' ').Append(name);
        if (_variables.Count > 0)
        {
            _sb.Append('(');
            foreach (var (varName, type) in _variables)
            {
                _sb.Append('$').Append(varName).Append(": ").Append(type);
                if (Chance(0.15)) _sb.Append(" = ").Append(RandomLiteral(schema.GetType(type.Trim('[', ']', '!')) ?? ScalarType.Int, 0));
                _sb.Append(' ');
            }
            _sb.Append(')');
        }
        Directives(kind.ToUpperInvariant());
        _sb.Append(' ').Append(body).Append('\n');
    }

    private void Fragment(string name)
    {
        var composite = schema.Types.Where(t => t.IsCompositeType() && !t.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
        NamedType on = Chance(0.05) ? Pick(schema.Types.Where(t => t is ScalarType or InputObjectType).ToList()) : Pick(composite);
        _sb.Append("fragment ").Append(name).Append(" on ").Append(Chance(0.03) ? "Unknwn" : on.Name);
        Directives("FRAGMENT_DEFINITION");
        _depth = 1;
        _sb.Append(' ');
        SelectionSet(on, _random.Next(1, 4));
        _sb.Append('\n');
    }

    private void SelectionSet(NamedType parent, int count)
    {
        _sb.Append("{ ");
        _depth++;
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(100);
            if (roll < 12 && _fragmentNames.Count > 0)
            {
                _sb.Append("...").Append(Pick(_fragmentNames));
                Directives("FRAGMENT_SPREAD");
            }
            else if (roll < 22)
            {
                var composite = schema.Types.Where(t => t.IsCompositeType() && !t.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
                var on = Chance(0.3) ? parent : Pick(composite);
                _sb.Append("... ");
                if (!Chance(0.15)) _sb.Append("on ").Append(on.Name);
                Directives("INLINE_FRAGMENT");
                _sb.Append(' ');
                SelectionSet(on, _random.Next(1, 3));
            }
            else
            {
                Field(parent);
            }
            _sb.Append(' ');
        }
        _depth--;
        _sb.Append('}');
    }

    private void Field(NamedType parent)
    {
        // Now and then an introspection subtree, so that MaxIntrospectionDepthRule has something to measure.
        if (ReferenceEquals(parent, schema.QueryType) && Chance(0.06))
        {
            var wholeSchema = Chance(0.7);
            _sb.Append(wholeSchema ? "__schema " : "__type(name: \"Dog\") ");
            var saved = _introspectionDepth;
            _introspectionDepth = 10;
            SelectionSet(schema.GetType(wholeSchema ? "__Schema" : "__Type")!, _random.Next(1, 3));
            _introspectionDepth = saved;
            return;
        }
        var fields = parent is ComplexType complex ? complex.Fields : [];
        FieldDefinition? field = fields.Count > 0 && !Chance(0.06) ? Pick(fields) : null;
        var name = field?.Name ?? (Chance(0.5) ? "__typename" : Pick(["nmae", "unknownField", "barks", "name", "iq"]));
        if (field is not null && Chance(0.05)) name = Misspell(name);
        if (Chance(0.2)) _sb.Append(Pick(["a", "b", "name", "x"])).Append(": ");
        _sb.Append(name);

        var args = field?.Arguments ?? [];
        var written = new List<string>();
        foreach (var arg in args)
        {
            if (arg.Type is NonNullType ? Chance(0.9) : Chance(0.5)) written.Add(arg.Name + ": " + Value(arg.Type));
        }
        if (Chance(0.05)) written.Add(Pick(["unknown", "surnam", "dogComand", "if"]) + ": " + Pick(["1", "true", "\"s\"", "SIT"]));
        if (written.Count > 0 && Chance(0.04)) written.Add(written[0]);
        if (written.Count > 0) _sb.Append('(').Append(string.Join(", ", written)).Append(')');
        Directives("FIELD");

        var named = field?.Type.GetNamedType();
        var composite = named is not null && named.IsCompositeType();
        if ((composite && !Chance(0.05)) || (!composite && Chance(0.04)))
        {
            _sb.Append(' ');
            if (_depth > 4 + _introspectionDepth) _sb.Append("{ __typename }");
            else SelectionSet(composite ? named! : parent, _random.Next(1, 3));
        }
    }

    private static string Misspell(string name) => name.Length > 2 ? name[..^2] + name[^1] + name[^2] : name + "x";

    private void Directives(string location)
    {
        if (!Chance(0.12)) return;
        var directive = Pick(schema.Directives);
        if (Chance(0.05)) { _sb.Append(" @unknownDirective"); return; }
        _sb.Append(" @").Append(directive.Name);
        var args = new List<string>();
        foreach (var arg in directive.Arguments)
        {
            if (Chance(0.85)) args.Add(arg.Name + ": " + Value(arg.Type));
        }
        if (args.Count > 0) _sb.Append('(').Append(string.Join(", ", args)).Append(')');
        if (Chance(0.1)) _sb.Append(" @").Append(directive.Name);
        _ = location;
    }

    private string Value(GraphQLType type)
    {
        if (_variables.Count > 0 && Chance(0.25))
        {
            var (name, _) = Pick(_variables);
            _usedVariables.Add(name);
            return "$" + name;
        }
        if (Chance(0.04)) return "$undeclared";
        return RandomLiteral(type, 0);
    }

    // Mostly a literal of the right shape; sometimes of the wrong one.
    private string RandomLiteral(GraphQLType type, int depth)
    {
        if (Chance(0.08) || depth > 3) return WrongLiteral();
        switch (type)
        {
            case NonNullType nonNull:
                return Chance(0.05) ? "null" : RandomLiteral(nonNull.OfType, depth);
            case ListType list:
                if (Chance(0.3)) return RandomLiteral(list.OfType, depth + 1);
                var items = _random.Next(0, 3);
                var parts = new List<string>();
                for (var i = 0; i < items; i++) parts.Add(RandomLiteral(list.OfType, depth + 1));
                return "[" + string.Join(", ", parts) + "]";
            case EnumType e:
                return Chance(0.1) ? "NOT_A_VALUE" : Pick(e.Values).Name;
            case InputObjectType input:
            {
                var parts2 = new List<string>();
                foreach (var f in input.Fields)
                {
                    if (input.IsOneOf ? parts2.Count == 0 && Chance(0.5) : (f.Type is NonNullType ? Chance(0.9) : Chance(0.3)))
                        parts2.Add(f.Name + ": " + RandomLiteral(f.Type, depth + 1));
                }
                if (Chance(0.05)) parts2.Add("unknownField: 1");
                return "{" + string.Join(", ", parts2) + "}";
            }
            case ScalarType s:
                return s.Name switch
                {
                    "Int" => _random.Next(-5, 100).ToString(CultureInfo.InvariantCulture),
                    "Float" => Chance(0.5) ? "1.5" : "2",
                    "String" => "\"text\"",
                    "Boolean" => Chance(0.5) ? "true" : "false",
                    "ID" => Chance(0.5) ? "\"id\"" : "7",
                    _ => Chance(0.5) ? "{any: [1]}" : "ANY",
                };
            default:
                return "null";
        }
    }

    private string WrongLiteral() => Pick(["1", "1.5", "\"str\"", "true", "null", "ENUM", "[1]", "{a: 1}", "2147483648"]);

    private string RandomInputTypeText()
    {
        var inputs = schema.Types.Where(t => t.IsInputType() && !t.Name.StartsWith("__", StringComparison.Ordinal)).Select(t => t.Name).ToList();
        var name = Chance(0.05) ? Pick(["Dog", "CatOrDog", "Unknwn"]) : Pick(inputs);
        var text = name;
        if (Chance(0.25)) text = "[" + text + (Chance(0.5) ? "!" : "") + "]";
        if (Chance(0.35)) text += "!";
        return text;
    }
}
