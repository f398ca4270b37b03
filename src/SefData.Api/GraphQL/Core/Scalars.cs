using SefData.Domain;
using SefData.GraphQL;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.Api.GraphQL.Core;

/// <summary>
/// <c>AcademicYear</c>: "2018/19", validated with the domain's rule (the second part is the first + 1). Internal
/// value: the code string, so resolvers compare it with the YearCode columns directly.
/// </summary>
public sealed class AcademicYearScalar : ScalarType
{
    public static readonly AcademicYearScalar Instance = new();

    private AcademicYearScalar() : base("AcademicYear") =>
        Description = "An academic year, 1 September to 31 August, written \"2018/19\": the second part is the first year + 1.";

    public override object? Serialize(object? value) => JsonValues.Unwrap(value) switch
    {
        string s when AcademicYears.TryParse(s, out _) => s,
        AcademicYear y => y.Code,
        var v => throw new GraphQLError($"AcademicYear cannot represent value: {Inspector.Inspect(v)}"),
    };

    public override object? ParseValue(object? value) =>
        JsonValues.Unwrap(value) is string s && AcademicYears.TryParse(s, out _) ? s : throw Invalid(Inspector.Inspect(JsonValues.Unwrap(value)), null);

    public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) =>
        valueNode is StringValueNode s && AcademicYears.TryParse(s.Value, out _) ? s.Value : throw Invalid(ValuePrinter.Print(valueNode), valueNode);

    private static GraphQLError Invalid(string shown, ValueNode? node) =>
        new($"AcademicYear cannot represent value: {shown}. Expected \"YYYY/YY\" with consecutive years, e.g. \"2018/19\".",
            node is null ? null : [node], extensions: new Dictionary<string, object?> { ["code"] = RuleCodes.AcademicYearFormat });
}
