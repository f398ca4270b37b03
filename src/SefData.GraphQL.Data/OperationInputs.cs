namespace SefData.GraphQL.Data;

/// <summary>The operation filter inputs, named and shaped as HotChocolate names and shapes them.</summary>
public static class OperationInputs
{
    public const string String = "StringOperationFilterInput";
    public const string Boolean = "BooleanOperationFilterInput";
    public const string Int = "IntOperationFilterInput";
    public const string Long = "LongOperationFilterInput";
    public const string Decimal = "DecimalOperationFilterInput";
    public const string Float = "FloatOperationFilterInput";
    public const string Date = "DateOperationFilterInput";
    public const string DateTime = "DateTimeOperationFilterInput";

    /// <summary>Comparable inputs and the scalar each one compares.</summary>
    public static readonly IReadOnlyDictionary<string, string> ComparableScalars = new Dictionary<string, string>
    {
        [Int] = "Int", [Long] = "Long", [Decimal] = "Decimal", [Float] = "Float", [Date] = "Date", [DateTime] = "DateTime",
    };

    public static readonly string[] StringOperations = ["eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    public static readonly string[] ComparableOperations = ["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
    public static readonly string[] EnumOperations = ["eq", "neq", "in", "nin"];
    public static readonly string[] BooleanOperations = ["eq", "neq"];

    /// <summary>The input for a CLR member type; enums use <c>{EnumName}OperationFilterInput</c>. Null when unsupported.</summary>
    public static string? NameFor(Type clrType, string? enumTypeName = null)
    {
        var t = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (t.IsEnum) return (enumTypeName ?? t.Name) + "OperationFilterInput";
        if (t == typeof(string)) return String;
        if (t == typeof(bool)) return Boolean;
        if (t == typeof(int) || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort)) return Int;
        if (t == typeof(long) || t == typeof(uint)) return Long;
        if (t == typeof(decimal)) return Decimal;
        if (t == typeof(double) || t == typeof(float)) return Float;
        if (t == typeof(DateOnly)) return Date;
        if (t == typeof(System.DateTime) || t == typeof(DateTimeOffset)) return DateTime;
        return null;
    }

    /// <summary>The operations an input accepts (enum inputs are recognised by their suffix).</summary>
    internal static string[] OperationsOf(string inputName, Type clrType)
    {
        var t = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (t == typeof(string)) return StringOperations;
        if (t == typeof(bool)) return BooleanOperations;
        if (t.IsEnum) return EnumOperations;
        return ComparableOperations;
    }
}
