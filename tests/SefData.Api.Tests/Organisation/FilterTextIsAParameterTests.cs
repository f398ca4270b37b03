using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;

namespace SefData.Api.Tests.Organisation;

/// <summary>
/// "Filter text is always a parameter, never SQL" (issue 4): hostile strings through every String filter (the school's
/// own, its local authority's, and the consortium code) and every string operation of <c>schools(where:)</c>, sent as
/// variables. The text must never appear in a SQL command, and the answer must equal
/// the same condition evaluated here on the loaded rows, so quotes, <c>%</c>, <c>_</c> and backslashes are literal
/// characters. (The engine-level version over a test model is SefData.GraphQL.Data.Tests FilterTests.)
/// </summary>
public abstract class FilterTextIsAParameterTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Schools renamed (setup) so that hostile values also have true matches and near misses.</summary>
    private static readonly (string NameEn, string? NameCy)[] Renamed =
    [
        ("Ysgol O'Brien 100% Pure_Luck", "Ysgol Dŵr'; DROP TABLE \"Schools\"; --"),
        ("Back\\slash School", "Ysgol 😀 Hapus"),
        ("1000 Cranes Primary", "PureXLuck Ysgol"),          // near misses: "100%" and "Pure_Luck" must not match as wildcards
        ("O'Brien Primary", null),
    ];

    private static readonly string[] Hostile =
    [
        "'", "O'Brien", "'; DROP TABLE \"Schools\"; --", "' OR '1'='1", "%", "100%", "_", "Pure_Luck", "e_L", "\\", "Back\\slash",
        "Dŵr'", "😀", "Ysgol O'Brien 100% Pure_Luck", "\"", "--", "/*", "%' OR 1=1 --",
    ];

    /// <summary>
    /// Every String filter reachable from SchoolFilterInput (path of filter fields) and the column it filters, given
    /// the schools' local authorities. A new String filter fails the test until it is added here.
    /// </summary>
    private static Dictionary<string, Func<School, string?>> Columns(IReadOnlyDictionary<string, LocalAuthority> las) => new()
    {
        ["schoolNumber"] = s => s.SchoolNumber,
        ["name"] = s => s.NameEn,
        ["nameEn"] = s => s.NameEn,
        ["nameCy"] = s => s.NameCy,
        ["laCode"] = s => s.LaCode,
        ["languageCategory"] = s => s.LanguageCategoryId,
        ["localAuthority.laCode"] = s => las[s.LaCode].LaCode,
        ["localAuthority.nameEn"] = s => las[s.LaCode].NameEn,
        ["localAuthority.nameCy"] = s => las[s.LaCode].NameCy,
    };

    /// <summary>"localAuthority.nameEn" and an operation as a where value: <c>{ localAuthority: { nameEn: { op: $v } } }</c>.</summary>
    private static string Where(string path, string operation)
    {
        var parts = path.Split('.');
        return parts.Reverse().Aggregate(operation, (inner, field) => $"{{ {field}: {inner} }}");
    }

    private static readonly string[] Operations = ["eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith", "in", "nin"];

    /// <summary>
    /// The operation on a non-null value as the providers define it: ordinal, except that startsWith/endsWith are
    /// LIKE on SQLite, which folds ASCII letters only.
    /// </summary>
    private static bool Positive(string op, string value, string v, bool sqlite)
    {
        static string Ascii(string s) => string.Concat(s.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
        return op switch
        {
            "eq" or "in" => value == v,
            "contains" => value.Contains(v, StringComparison.Ordinal),
            "startsWith" => sqlite ? Ascii(value).StartsWith(Ascii(v), StringComparison.Ordinal) : value.StartsWith(v, StringComparison.Ordinal),
            "endsWith" => sqlite ? Ascii(value).EndsWith(Ascii(v), StringComparison.Ordinal) : value.EndsWith(v, StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }

    [Fact]
    public async Task Hostile_text_in_every_string_filter_is_a_literal_value_and_never_sql()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using (var setup = copy.NewDbContext())
        {
            var schools = await setup.Schools.AsTracking().OrderBy(s => s.Id).Take(Renamed.Length).ToListAsync(Ct);
            for (var i = 0; i < Renamed.Length; i++) (schools[i].NameEn, schools[i].NameCy) = Renamed[i];
            var la = await setup.LocalAuthorities.AsTracking().SingleAsync(l => l.LaCode == schools[0].LaCode, Ct);
            (la.NameEn, la.NameCy) = ("Sir O'Brien 100% Pure_Luck \\ County", "Sir Dŵr'; DROP TABLE \"LocalAuthorities\"; --");
            await setup.SaveChangesAsync(Ct);
        }

        await using var db = copy.NewDbContext();
        var all = await db.Schools.AsNoTracking().ToListAsync(Ct);
        var columns = Columns(await db.LocalAuthorities.AsNoTracking().ToDictionaryAsync(l => l.LaCode, Ct));

        // The filter list comes from the running schema (the school's own and its local authority's), so a new String
        // filter cannot be missed.
        using (var schema = await copy.PostGraphQLAsync("""
            { s: __type(name: "SchoolFilterInput") { inputFields { name type { name } } } la: __type(name: "LocalAuthorityFilterInput") { inputFields { name type { name } } } }
            """))
        {
            var data = GraphQLAssert.NoErrors(schema);
            IEnumerable<string> Strings(string type, string prefix) => data.GetProperty(type).GetProperty("inputFields").EnumerateArray()
                .Where(f => f.GetProperty("type").GetProperty("name").GetString() == "StringOperationFilterInput").Select(f => prefix + f.GetProperty("name").GetString());
            Assert.Contains(data.GetProperty("s").GetProperty("inputFields").EnumerateArray(),
                f => f.GetProperty("name").GetString() == "localAuthority" && f.GetProperty("type").GetProperty("name").GetString() == "LocalAuthorityFilterInput");
            Assert.Equal(columns.Keys.Order(StringComparer.Ordinal), Strings("s", "").Concat(Strings("la", "localAuthority.")).Order(StringComparer.Ordinal));
        }
        var sqlite = copy.Provider == DatabaseProvider.Sqlite;
        var matched = 0;
        foreach (var (field, column) in columns)
            foreach (var value in Hostile)
            {
                var query = "query($v: String!, $vs: [String]) { " + string.Join(" ", Operations.Select(op =>
                    $"{op}: schools(first: 500, order: [{{ schoolNumber: ASC }}], where: {Where(field, $"{{ {op}: {(op is "in" or "nin" ? "$vs" : "$v")} }}")}) {{ totalCount nodes {{ schoolNumber }} }}")) + " }";
                var (json, sql) = await copy.PostGraphQLWithSqlAsync(query, new { v = value, vs = new[] { value, "no such value" } });
                using var _ = json;
                var data = GraphQLAssert.NoErrors(json);
                Assert.NotEmpty(sql);
                // Single characters such as ' or % occur in any SQL; longer values must not appear at all.
                if (value.Length >= 4)
                    Assert.DoesNotContain(sql, s => s.Contains(value, StringComparison.Ordinal));
                Assert.DoesNotContain(sql, s => s.Contains("DROP TABLE", StringComparison.OrdinalIgnoreCase) || s.Contains("1=1", StringComparison.Ordinal) || s.Contains("'1'='1'", StringComparison.Ordinal));

                foreach (var op in Operations)
                {
                    var result = data.GetProperty(op);
                    var numbers = result.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("schoolNumber").GetString()!).ToList();
                    var total = result.GetProperty("totalCount").GetInt32();
                    var what = $"{field} {op} {value}";
                    var negated = op is "neq" or "nin" or "ncontains" or "nstartsWith" or "nendsWith";
                    var positive = negated ? op == "neq" ? "eq" : op == "nin" ? "in" : op[1..2].ToLowerInvariant() + op[2..] : op;
                    var nonNullMatches = all.Where(s => column(s) is { } x && Positive(positive, x, value, sqlite) != negated).ToList();
                    var nulls = all.Count(s => column(s) is null);
                    if (!negated)
                    {
                        // A null never equals, contains, starts or ends with text.
                        Assert.True(total == nonNullMatches.Count, $"{what}: {total} schools, expected {nonNullMatches.Count}");
                        Assert.Equal(nonNullMatches.Select(s => s.SchoolNumber).Order(StringComparer.Ordinal).Take(500), numbers);
                        matched += total;
                    }
                    else if (op is "neq" or "nin")
                        // C# semantics (as HotChocolate): a null differs from the text.
                        Assert.True(total == nonNullMatches.Count + nulls, $"{what}: {total} schools, expected {nonNullMatches.Count + nulls}");
                    else
                        // The negated LIKE-style operations on a nullable column: the non-null rows must be exactly the
                        // ones that do not match; whether NULL counts follows the same C# predicate run by EF in SQL.
                        Assert.True(total == nonNullMatches.Count + await NullsKeptAsync(db, field, op, value, nulls),
                            $"{what}: {total} schools, expected {nonNullMatches.Count} non-null");
                }
            }
        Assert.True(matched > 0, "no hostile value matched anything: the literal-match half of the test would prove nothing");

        // The consortium filter takes a code as text too: no consortium has a hostile code, and the text is no SQL.
        foreach (var value in Hostile)
        {
            var (json, sql) = await copy.PostGraphQLWithSqlAsync("query($v: String!) { schools(where: { consortium: { code: $v, asOf: \"2018-01-31\" } }) { totalCount } }", new { v = value });
            using var _ = json;
            Assert.Equal(0, GraphQLAssert.NoErrors(json).GetProperty("schools").GetProperty("totalCount").GetInt32());
            if (value.Length >= 4) Assert.DoesNotContain(sql, s => s.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(sql, s => s.Contains("DROP TABLE", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>How many NULL rows the negated predicate keeps, evaluated by EF on the database independently of the API.</summary>
    private static async Task<int> NullsKeptAsync(SefDataDbContext db, string field, string op, string value, int nulls)
    {
        if (nulls == 0) return 0;
        IQueryable<School> q = db.Schools.AsNoTracking();
        q = (field, op) switch
        {
            ("nameCy", "ncontains") => q.Where(s => s.NameCy == null && !s.NameCy!.Contains(value)),
            ("nameCy", "nstartsWith") => q.Where(s => s.NameCy == null && !s.NameCy!.StartsWith(value)),
            ("nameCy", "nendsWith") => q.Where(s => s.NameCy == null && !s.NameCy!.EndsWith(value)),
            ("languageCategory", "ncontains") => q.Where(s => s.LanguageCategoryId == null && !s.LanguageCategoryId!.Contains(value)),
            ("languageCategory", "nstartsWith") => q.Where(s => s.LanguageCategoryId == null && !s.LanguageCategoryId!.StartsWith(value)),
            ("languageCategory", "nendsWith") => q.Where(s => s.LanguageCategoryId == null && !s.LanguageCategoryId!.EndsWith(value)),
            _ => throw new InvalidOperationException($"{field} has NULLs: add its negated operations here"),
        };
        return await q.CountAsync(Ct);
    }
}

public sealed class FilterTextIsAParameterTestsSqlite(SqliteApiHost host) : FilterTextIsAParameterTests(host);
public sealed class FilterTextIsAParameterTestsPostgres(PostgresApiHost host) : FilterTextIsAParameterTests(host);
