using System.Text;
using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Types;

/// <summary>One value of an enum type: its GraphQL name and the internal value resolvers see.</summary>
public sealed class EnumValueDefinition
{
    /// <param name="value">Internal value; when omitted it is the name (as in graphql-js).</param>
    public EnumValueDefinition(string name, object? value = null)
    {
        NameValidation.AssertEnumValueName(name);
        Name = name;
        Value = value ?? name;
    }

    public string Name { get; }
    public object? Value { get; }
    public string? Description { get; init; }
    public string? DeprecationReason { get; init; }
    public bool IsDeprecated => DeprecationReason is not null;
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = EmptyMetadata.Instance;
    public EnumValueDefinitionNode? AstNode { get; init; }

    public override string ToString() => Name;
}

public sealed class EnumType : NamedType, ILeafType
{
    private readonly Lazy<(EnumValueDefinition[] List, Dictionary<string, EnumValueDefinition> ByName, Dictionary<object, EnumValueDefinition> ByValue)> _values;

    public EnumType(string name, IEnumerable<EnumValueDefinition> values) : this(name, () => values) { }

    /// <summary>Values supplied lazily (resolved on first use).</summary>
    public EnumType(string name, Func<IEnumerable<EnumValueDefinition>> values) : base(name)
    {
        _values = new(() =>
        {
            var (list, byName) = DefinitionMap.Build(values(), v => v.Name);
            var byValue = new Dictionary<object, EnumValueDefinition>();
            foreach (var v in list)
            {
                if (v.Value is not null) byValue.TryAdd(v.Value, v);
            }
            return (list, byName, byValue);
        });
    }

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValueDefinition> Values => _values.Value.List;

    public EnumValueDefinition? GetValue(string name) => _values.Value.ByName.GetValueOrDefault(name);

    /// <summary>Maps a CLR enum: each member becomes an UPPER_SNAKE_CASE value whose internal value is the member.</summary>
    public static EnumType FromClrEnum<TEnum>(string? name = null, string? description = null) where TEnum : struct, Enum
        => FromClrEnum(typeof(TEnum), name, description);

    public static EnumType FromClrEnum(Type enumType, string? name = null, string? description = null)
    {
        if (!enumType.IsEnum) throw new ArgumentException($"{enumType} is not an enum.", nameof(enumType));
        var values = Enum.GetNames(enumType)
            .Select(n => new EnumValueDefinition(ToUpperSnakeCase(n), Enum.Parse(enumType, n)))
            .ToArray();
        return new EnumType(name ?? enumType.Name, values) { Description = description };
    }

    /// <summary>"SpecialMeasures" -> "SPECIAL_MEASURES", "KQ1" stays "KQ1", "Cif2010" -> "CIF2010".</summary>
    public static string ToUpperSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    public object? Serialize(object? value)
    {
        var key = JsonValues.Unwrap(value);
        if (key is not null && _values.Value.ByValue.TryGetValue(key, out var def)) return def.Name;
        throw new GraphQLError($"Enum \"{Name}\" cannot represent value: {Inspector.Inspect(key)}");
    }

    public object? ParseValue(object? value)
    {
        if (value is not string s)
        {
            var valueStr = Inspector.Inspect(value);
            throw new GraphQLError($"Enum \"{Name}\" cannot represent non-string value: {valueStr}." + DidYouMeanValue(valueStr));
        }
        var def = GetValue(s) ?? throw new GraphQLError($"Value \"{s}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(s));
        return def.Value;
    }

    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (valueNode is not EnumValueNode enumNode)
        {
            var valueStr = ValuePrinter.Print(valueNode);
            throw new GraphQLError($"Enum \"{Name}\" cannot represent non-enum value: {valueStr}." + DidYouMeanValue(valueStr), [valueNode]);
        }
        var def = GetValue(enumNode.Value);
        if (def is null)
        {
            var valueStr = ValuePrinter.Print(valueNode);
            throw new GraphQLError($"Value \"{valueStr}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(valueStr), [valueNode]);
        }
        return def.Value;
    }

    private string DidYouMeanValue(string unknown) =>
        Suggestions.DidYouMean("the enum value", Suggestions.SuggestionList(unknown, Values.Select(v => v.Name)));
}
