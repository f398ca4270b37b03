using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;

namespace SefData.Api.Tests.Organisation;

/// <summary>schools(where:, order:): every filter is SQL; the expected sets come from EF queries.</summary>
public abstract class SchoolsConnectionTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Total, List<string> Numbers)> QueryAsync(string where, object? variables = null, string order = "[{ schoolNumber: ASC }]")
    {
        var declared = variables is null ? "" : "(" + string.Join(", ", variables.GetType().GetProperties().Select(p => $"${p.Name}: {VarType(p.Name)}")) + ")";
        using var json = await host.PostGraphQLAsync($$"""
            query{{declared}} { schools(first: 500, where: {{where}}, order: {{order}}) { totalCount nodes { schoolNumber } } }
            """, variables);
        var s = GraphQLAssert.NoErrors(json).P("schools");
        return (s.P("totalCount").GetInt32(), s.Items("nodes").Select(n => n.Str("schoolNumber")!).ToList());
    }

    private static string VarType(string name) => name switch { "year" => "AcademicYear!", "asOf" => "Date!", "lo" or "hi" => "Decimal!", _ => "String!" };

    [Fact]
    public async Task Filters_by_consortium_as_at_a_date()
    {
        await using var db = host.NewDbContext();
        var asOf = new DateOnly(2013, 6, 30);
        var membership = await db.ConsortiumMemberships.Where(m => m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf))
            .OrderBy(m => m.ConsortiumCode).FirstAsync(Ct);
        var las = await db.ConsortiumMemberships.Where(m => m.ConsortiumCode == membership.ConsortiumCode && m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf))
            .Select(m => m.LaCode).ToListAsync(Ct);
        var expected = await db.Schools.Where(s => las.Contains(s.LaCode)).OrderBy(s => s.SchoolNumber).Select(s => s.SchoolNumber).ToListAsync(Ct);
        var (total, numbers) = await QueryAsync("{ consortium: { code: $code, asOf: $asOf } }", new { code = membership.ConsortiumCode, asOf = "2013-06-30" });
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Take(500), numbers);
    }

    [Fact]
    public async Task Filters_by_colour_in_a_year_and_sector_sorted_by_name()
    {
        await using var db = host.NewDbContext();
        var expected = await db.Schools
            .Where(s => s.Sector == Sector.Primary && s.Categorisations.Any(c => c.YearCode == "2016/17" && c.SupportColour == SupportColour.Green))
            .Select(s => new { s.SchoolNumber, s.NameEn, s.Id }).ToListAsync(Ct);
        var ordered = expected.OrderBy(s => s.NameEn, StringComparer.Ordinal).ThenBy(s => s.Id).Select(s => s.SchoolNumber).ToList();
        var (total, numbers) = await QueryAsync("{ sector: { eq: PRIMARY }, colour: { year: $year, in: [GREEN] } }", new { year = "2016/17" }, "[{ name: ASC }]");
        Assert.Equal(expected.Count, total);
        Assert.True(total > 0);
        // Set equality always; order too where names are plain ASCII (collations agree there).
        Assert.Equal(ordered.Take(500).Order(), numbers.Order());
    }

    [Fact]
    public async Task Filters_by_current_estyn_follow_up_and_efsm_range()
    {
        await using var db = host.NewDbContext();
        var asOf = new DateOnly(2016, 3, 1);
        var inFollowUp = await db.Schools.Where(s => s.Inspections.Any(i => i.FollowUps.Any(f =>
                (f.Category == FollowUpCategory.SpecialMeasures || f.Category == FollowUpCategory.SignificantImprovement)
                && f.StartDate <= asOf && (f.RemovedDate == null || f.RemovedDate > asOf))))
            .OrderBy(s => s.SchoolNumber).Select(s => s.SchoolNumber).ToListAsync(Ct);
        var (total, numbers) = await QueryAsync("{ followUp: { asOf: $asOf, in: [SPECIAL_MEASURES, SIGNIFICANT_IMPROVEMENT] } }", new { asOf = "2016-03-01" });
        Assert.Equal(inFollowUp.Count, total);
        Assert.Equal(inFollowUp.Take(500), numbers);

        var efsm = await db.SchoolYearProfiles.Where(p => p.YearCode == "2017/18" && p.PctEfsm >= 25m && p.PctEfsm < 30m)
            .Select(p => p.School!.SchoolNumber).OrderBy(n => n).ToListAsync(Ct);
        var (efsmTotal, efsmNumbers) = await QueryAsync("{ efsm: { year: $year, gte: $lo, lt: $hi } }", new { year = "2017/18", lo = 25, hi = 30 });
        Assert.True(efsmTotal > 0);
        Assert.Equal(efsm.Count, efsmTotal);
        Assert.Equal(efsm.Take(500), efsmNumbers);
    }

    [Fact]
    public async Task Page_size_above_the_maximum_is_an_error()
    {
        using var json = await host.PostGraphQLAsync("{ schools(first: 501) { nodes { schoolNumber } } }");
        Assert.Contains("PAGE_SIZE_EXCEEDED", GraphQLAssert.ErrorCodes(json));
    }

    [Fact]
    public async Task Local_authorities_consortia_and_memberships_over_time()
    {
        await using var db = host.NewDbContext();
        var las = await db.LocalAuthorities.OrderBy(l => l.NameEn).Select(l => l.LaCode).ToListAsync(Ct);
        var asOf = new DateOnly(2022, 1, 1);
        var consortia = await db.Consortia.Where(c => c.ValidFrom <= asOf && (c.ValidTo == null || c.ValidTo >= asOf)).OrderBy(c => c.Name).Select(c => c.Code).ToListAsync(Ct);
        var history = await db.ConsortiumMemberships.GroupBy(m => m.LaCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, Ct);
        var groupMembers = await db.GroupMemberships.GroupBy(m => m.GroupId).Select(g => new { g.Key, N = g.Count() }).OrderByDescending(x => x.N).ThenBy(x => x.Key).FirstAsync(Ct);
        var group = await db.CollaborationGroups.SingleAsync(g => g.Id == groupMembers.Key, Ct);
        using var json = await host.PostGraphQLAsync("""
            query($asOf: Date!, $g: ID!) {
              localAuthorities { laCode consortiumHistory { consortium { code } validFrom validTo } }
              consortia(asOf: $asOf) { code localAuthorities(asOf: $asOf) { laCode } }
              wales { name consortia(asOf: $asOf) { code } }
              node(id: $g) { ... on CollaborationGroup { name members { school { schoolNumber } validFrom } } }
            }
            """, new { asOf = "2022-01-01", g = SefData.Api.GraphQL.Core.NodeId.Encode("CollaborationGroup", group.Id) }, "cy");
        var data = GraphQLAssert.NoErrors(json);
        Assert.Equal(las, data.Items("localAuthorities").Select(l => l.Str("laCode")!));
        foreach (var la in data.Items("localAuthorities"))
            Assert.Equal(history.GetValueOrDefault(la.Str("laCode")!), la.Items("consortiumHistory").Count);
        Assert.Equal(consortia, data.Items("consortia").Select(c => c.Str("code")!));
        Assert.Equal(consortia, data.P("wales").Items("consortia").Select(c => c.Str("code")!));
        Assert.Equal("Cymru", data.P("wales").Str("name"));
        var expectedMembers = await db.ConsortiumMemberships.Where(m => m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf)).CountAsync(Ct);
        Assert.Equal(expectedMembers, data.Items("consortia").Sum(c => c.Items("localAuthorities").Count));
        var node = data.P("node");
        Assert.Equal(group.Name, node.Str("name"));
        Assert.Equal(groupMembers.N, node.Items("members").Count);
    }

    [Fact]
    public async Task Writable_copy_is_private_to_the_test()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        string number;
        await using (var db = copy.NewDbContext())
        {
            var school = await db.Schools.OrderBy(s => s.Id).FirstAsync(Ct);
            number = school.SchoolNumber;
            school.NameEn = "Renamed in a private copy";
            await db.SaveChangesAsync(Ct);
        }
        const string q = "query($n: String!) { school(schoolNumber: $n) { nameEn } }";
        using var fromCopy = await copy.PostGraphQLAsync(q, new { n = number });
        using var fromShared = await host.PostGraphQLAsync(q, new { n = number });
        Assert.Equal("Renamed in a private copy", GraphQLAssert.NoErrors(fromCopy).P("school").Str("nameEn"));
        Assert.NotEqual("Renamed in a private copy", GraphQLAssert.NoErrors(fromShared).P("school").Str("nameEn"));
    }
}

public sealed class SchoolsConnectionTestsSqlite(SqliteApiHost host) : SchoolsConnectionTests(host);
public sealed class SchoolsConnectionTestsPostgres(PostgresApiHost host) : SchoolsConnectionTests(host);
