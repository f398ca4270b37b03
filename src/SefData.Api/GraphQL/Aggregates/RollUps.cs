using SefData.Data;
using SefData.Domain;
using SefData.GraphQL;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Aggregates;

public enum RollUpScopeKind { Wales, LocalAuthority, Consortium }

/// <summary>What a roll-up covers: Wales, one LA (by code) or one consortium (by code, membership as at the year or date).</summary>
public sealed record RollUpScope(RollUpScopeKind Kind, string Code)
{
    public static readonly RollUpScope Wales = new(RollUpScopeKind.Wales, "");
}

/// <summary>A school in a roll-up scope (the scope's code: LA code, consortium code, "" for Wales).</summary>
public sealed class ScopedSchool
{
    public string Scope { get; set; } = "";
    public int SchoolId { get; set; }
}

/// <summary>Freshness of a roll-up (API-CONVENTIONS.md "Roll-ups"). Every roll-up object implements it.</summary>
public interface IRollUp
{
    /// <summary>When the numbers were computed. Roll-ups are computed in SQL on request, so this is "now".</summary>
    DateTimeOffset ComputedAt { get; }

    /// <summary>
    /// A signature of the source rows the roll-up counted: table, row count, sum of the rows' <c>Version</c>
    /// (bumped on every update) and highest id. It changes when a counted row is added, updated or removed.
    /// </summary>
    string SourceVersion { get; }

    int SuppressionThreshold { get; }
}

/// <summary>Signature of the counted source rows (see <see cref="IRollUp.SourceVersion"/>).</summary>
public sealed record SourceSignature(string Table, long Rows, long VersionSum, long MaxId)
{
    public override string ToString() => $"{Table}:{Rows}:{VersionSum}:{MaxId}";

    public static string Of(string table, IEnumerable<(long Rows, long VersionSum, long MaxId)> parts)
    {
        long rows = 0, sum = 0, max = 0;
        foreach (var p in parts) { rows += p.Rows; sum += p.VersionSum; max = Math.Max(max, p.MaxId); }
        return new SourceSignature(table, rows, sum, max).ToString();
    }
}

/// <summary>Scope filters and year windows shared by the roll-up queries (all translate to SQL).</summary>
public static class RollUpQueries
{
    public const int MaxListSize = 500;

    public static (DateOnly Start, DateOnly End) YearWindow(string year)
    {
        var y = AcademicYears.StartYear(year);
        return (new DateOnly(y, 9, 1), new DateOnly(y + 1, 8, 31));
    }

    public static string PreviousYear(string year) => AcademicYears.Format(AcademicYears.StartYear(year) - 1);

    /// <summary>
    /// Schools in the scope for an academic year. A consortium's schools are those whose LA belonged to it on the
    /// year's census date (its start date, 1 September, when no census date is recorded).
    /// </summary>
    public static IQueryable<School> SchoolsInYear(SefDataDbContext db, RollUpScope scope, string year)
    {
        var code = scope.Code;
        return scope.Kind switch
        {
            RollUpScopeKind.Wales => db.Schools,
            RollUpScopeKind.LocalAuthority => db.Schools.Where(s => s.LaCode == code),
            _ => db.Schools.Where(s => db.ConsortiumMemberships.Any(m => m.ConsortiumCode == code && m.LaCode == s.LaCode
                && m.ValidFrom <= db.AcademicYears.Where(a => a.Code == year).Select(a => a.CensusDate ?? a.StartDate).FirstOrDefault()
                && (m.ValidTo == null || m.ValidTo >= db.AcademicYears.Where(a => a.Code == year).Select(a => a.CensusDate ?? a.StartDate).FirstOrDefault()))),
        };
    }

    /// <summary>
    /// <see cref="SchoolsInYear"/> for many scopes of one kind at once, each school tagged with its scope's code, so a
    /// roll-up asked for every LA or consortium of a list level is one GROUP BY (Scope, ...) command, not one per scope.
    /// </summary>
    public static IQueryable<ScopedSchool> ScopedSchoolsInYear(SefDataDbContext db, RollUpScopeKind kind, IReadOnlyCollection<string> codes, string year) => kind switch
    {
        RollUpScopeKind.Wales => db.Schools.Select(s => new ScopedSchool { Scope = "", SchoolId = s.Id }),
        RollUpScopeKind.LocalAuthority => db.Schools.Where(s => codes.Contains(s.LaCode)).Select(s => new ScopedSchool { Scope = s.LaCode, SchoolId = s.Id }),
        _ => (from s in db.Schools
              from m in db.ConsortiumMemberships
              where m.LaCode == s.LaCode && codes.Contains(m.ConsortiumCode)
                  && m.ValidFrom <= db.AcademicYears.Where(a => a.Code == year).Select(a => a.CensusDate ?? a.StartDate).FirstOrDefault()
                  && (m.ValidTo == null || m.ValidTo >= db.AcademicYears.Where(a => a.Code == year).Select(a => a.CensusDate ?? a.StartDate).FirstOrDefault())
              select new ScopedSchool { Scope = m.ConsortiumCode, SchoolId = s.Id }).Distinct(),
    };

    /// <summary>Schools in the scope on a date (consortium membership as at that date).</summary>
    public static IQueryable<School> SchoolsOn(SefDataDbContext db, RollUpScope scope, DateOnly date)
    {
        var code = scope.Code;
        return scope.Kind switch
        {
            RollUpScopeKind.Wales => db.Schools,
            RollUpScopeKind.LocalAuthority => db.Schools.Where(s => s.LaCode == code),
            _ => db.Schools.Where(s => db.ConsortiumMemberships.Any(m => m.ConsortiumCode == code && m.LaCode == s.LaCode
                && m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date))),
        };
    }

    /// <summary>A bounded list size: 0..500, default <paramref name="fallback"/>; more is PAGE_SIZE_EXCEEDED, not a silent cap.</summary>
    public static int First(IResolverContext ctx, int fallback = 50)
    {
        var first = ctx.GetArgument<int?>("first") ?? fallback;
        if (first is < 0 or > MaxListSize)
            throw new GraphQLError($"The argument \"first\" asks for {first} items; between 0 and {MaxListSize} are allowed.",
                extensions: new Dictionary<string, object?> { ["code"] = first < 0 ? "INVALID_PAGE_SIZE" : "PAGE_SIZE_EXCEEDED", ["maxAllowedItems"] = MaxListSize });
        return first;
    }

    /// <summary>Colour rank for "worsened by two colours" (green 1 ... red 4), written so EF translates it to CASE.</summary>
    public static readonly SupportColour[] Colours = [SupportColour.Green, SupportColour.Yellow, SupportColour.Amber, SupportColour.Red];
}
