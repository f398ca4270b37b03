using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Aggregates.RollUpAssert;

namespace SefData.Api.Tests.Aggregates;

/// <summary>Consortium dashboard stories 2-4 (DOMAIN.md section 5): region vs Wales on measures, collaboration use, alerts.</summary>
public abstract class ConsortiumDashboardTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<School>> SchoolsInAsync(SefDataDbContext db, string consortium, string year)
    {
        var members = await MembersAsync(db, consortium, await YearDateAsync(db, year));
        return await db.Schools.Where(s => members.Contains(s.LaCode)).ToListAsync(Ct);
    }

    [Fact]
    public async Task Region_against_wales_on_efsm_gap_and_value_added()
    {
        await using var db = host.NewDbContext();
        var values = await db.MeasureValues.Where(v => v.Subject == MeasureSubject.School && v.CohortSize > 0).ToListAsync(Ct);
        Assert.NotEmpty(values);
        var year = values.GroupBy(v => v.YearCode).OrderByDescending(g => g.Count()).First().Key;
        var code = await BiggestConsortiumAsync(db, await YearDateAsync(db, year));
        var inRegion = (await SchoolsInAsync(db, code, year)).Select(s => s.Id).ToHashSet();
        var ofYear = values.Where(v => v.YearCode == year).ToList();

        using var json = await host.PostGraphQLAsync("""
            query($c: String!, $y: AcademicYear!) { consortium(code: $c) { measureComparison(year: $y) {
              year computedAt stale sourceVersion suppressionThreshold
              measures { measureCode measure { code }
                region { ...M } wales { ...M } } } } }
            fragment M on MeasureRollUp { schools { count suppressed } cohort average efsmAverage nonEfsmAverage fsmGap valueAdded }
            """, new { c = code, y = year });
        var m = GraphQLAssert.NoErrors(json).GetProperty("consortium").GetProperty("measureComparison");
        Assert.False(m.GetProperty("stale").GetBoolean());
        var measures = m.GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(ofYear.Select(v => v.MeasureCode).Distinct().Order(StringComparer.Ordinal), measures.Select(x => x.GetProperty("measureCode").GetString()));

        static double? Avg(IEnumerable<MeasureValue> vs)
        {
            var l = vs.ToList();
            return l.Count < Threshold ? null : l.Sum(v => (double)v.Value * v.CohortSize!.Value) / l.Sum(v => v.CohortSize!.Value);
        }
        void Check(JsonElement r, List<MeasureValue> rows, string what)
        {
            var all = rows.Where(v => v.Subgroup == Subgroup.All).ToList();
            Cell(r.GetProperty("schools"), all.Count, what + " schools");
            var avg = Avg(all);
            var efsm = Avg(rows.Where(v => v.Subgroup == Subgroup.Efsm));
            var non = Avg(rows.Where(v => v.Subgroup == Subgroup.NonEfsm));
            void Eq(double? expected, string field)
            {
                var e = r.GetProperty(field);
                if (expected is null) Assert.Equal(JsonValueKind.Null, e.ValueKind);
                else Assert.Equal(expected.Value, e.GetDouble(), 0.011);
            }
            Eq(avg, "average");
            Eq(efsm, "efsmAverage");
            Eq(non, "nonEfsmAverage");
            Eq(efsm is null || non is null ? null : non - efsm, "fsmGap");
            var withEstimate = all.Where(v => v.Estimate != null).ToList();
            Eq(avg is null || withEstimate.Count == 0 ? null
                : withEstimate.Sum(v => (double)(v.Value - v.Estimate!.Value) * v.CohortSize!.Value) / withEstimate.Sum(v => v.CohortSize!.Value), "valueAdded");
        }
        var published = 0;
        foreach (var x in measures)
        {
            var code2 = x.GetProperty("measureCode").GetString()!;
            Assert.Equal(code2, x.GetProperty("measure").GetProperty("code").GetString());
            var rows = ofYear.Where(v => v.MeasureCode == code2).ToList();
            Check(x.GetProperty("wales"), rows, code2 + " wales");
            Check(x.GetProperty("region"), rows.Where(v => inRegion.Contains(v.SchoolId!.Value)).ToList(), code2 + " region");
            if (x.GetProperty("region").GetProperty("fsmGap").ValueKind != JsonValueKind.Null) published++;
        }
        Assert.True(published > 0, "no regional gap published: the test would prove nothing");
    }

    [Fact]
    public async Task Collaboration_use_per_consortium_and_year()
    {
        await using var db = host.NewDbContext();
        var groups = await db.CollaborationGroups.Where(g => g.ConsortiumCode != null).ToListAsync(Ct);
        var memberships = await db.GroupMemberships.ToListAsync(Ct);
        bool Overlaps(DateOnly from, DateOnly? to, DateOnly s, DateOnly e) => from <= e && (to == null || to >= s);
        // The busiest consortium-year, so the counts are not all zero.
        var (code, startYear) = groups.SelectMany(g => Enumerable.Range(2008, 14).Where(y => Overlaps(g.ValidFrom, g.ValidTo, new(y, 9, 1), new(y + 1, 8, 31))).Select(y => (g.ConsortiumCode!, y)))
            .GroupBy(x => x).OrderByDescending(g => g.Count()).First().Key;
        var start = new DateOnly(startYear, 9, 1);
        var end = new DateOnly(startYear + 1, 8, 31);
        var year = $"{startYear}/{(startYear + 1) % 100:D2}";
        var active = groups.Where(g => g.ConsortiumCode == code && Overlaps(g.ValidFrom, g.ValidTo, start, end)).ToList();

        using var json = await host.PostGraphQLAsync("""
            query($c: String!, $y: AcademicYear!) { consortium(code: $c) { collaboration(year: $y) {
              year computedAt sourceVersion stale suppressionThreshold sigs pathfinderPairings hubs peerEnquiriesCompleted
              types { type activeGroups completedGroups schools { count suppressed } } } } }
            """, new { c = code, y = year });
        var c = GraphQLAssert.NoErrors(json).GetProperty("consortium").GetProperty("collaboration");
        Fresh(c, Signature("CollaborationGroup", active.Select(g => (g.Id, g.Version))));
        Assert.Equal(active.Count(g => g.Type == GroupType.Sig), c.GetProperty("sigs").GetInt32());
        Assert.Equal(active.Count(g => g.Type == GroupType.Pathfinder), c.GetProperty("pathfinderPairings").GetInt32());
        Assert.Equal(active.Count(g => g.Type == GroupType.Hub), c.GetProperty("hubs").GetInt32());
        Assert.Equal(active.Count(g => g.Type == GroupType.PeerEnquiry && g.ValidTo <= end), c.GetProperty("peerEnquiriesCompleted").GetInt32());
        var types = c.GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<GroupType>().Length, types.Count);
        foreach (var t in types)
        {
            var ofType = active.Where(g => Upper(g.Type) == t.GetProperty("type").GetString()).ToList();
            Assert.Equal(ofType.Count, t.GetProperty("activeGroups").GetInt32());
            Assert.Equal(ofType.Count(g => g.ValidTo <= end), t.GetProperty("completedGroups").GetInt32());
            var ids = ofType.Select(g => g.Id).ToHashSet();
            var schools = memberships.Where(m => ids.Contains(m.GroupId) && Overlaps(m.ValidFrom, m.ValidTo, start, end)).Select(m => m.SchoolId).Distinct().Count();
            Cell(t.GetProperty("schools"), schools, t.GetProperty("type").GetString()!);
        }
        Assert.True(active.Count > 0);
    }

    [Fact]
    public async Task Alerts_follow_up_two_colour_falls_and_missing_challenge_advisers()
    {
        await using var db = host.NewDbContext();
        var results = await db.CategorisationResults.Include(c => c.School).ToListAsync(Ct);
        static int Rank(SupportColour c) => (int)c;   // Green 0 .. Red 3
        var falls = (from a in results join b in results on a.SchoolId equals b.SchoolId
                     where b.YearCode == $"{int.Parse(a.YearCode[..4], System.Globalization.CultureInfo.InvariantCulture) - 1}/{a.YearCode[2..4]}"
                        && Rank(a.SupportColour) - Rank(b.SupportColour) >= 2
                     select a).ToList();
        Assert.NotEmpty(falls);
        var year = falls.GroupBy(f => f.YearCode).OrderByDescending(g => g.Count()).First().Key;
        var date = await YearDateAsync(db, year);
        var code = await BiggestConsortiumAsync(db, date);
        var schools = await SchoolsInAsync(db, code, year);
        var inRegion = schools.Select(s => s.Id).ToHashSet();
        var expectedFalls = falls.Where(f => f.YearCode == year && inRegion.Contains(f.SchoolId)).Select(f => f.School!.SchoolNumber).Order(StringComparer.Ordinal).ToList();

        var start = new DateOnly(int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture), 9, 1);
        var end = start.AddYears(1).AddDays(-1);
        var followUps = await db.FollowUps.Include(f => f.Inspection)
            .Where(f => (f.Category == FollowUpCategory.SignificantImprovement || f.Category == FollowUpCategory.SpecialMeasures) && f.StartDate >= start && f.StartDate <= end)
            .ToListAsync(Ct);
        var expectedFollowUps = followUps.Where(f => f.Inspection!.SchoolId is { } id && inRegion.Contains(id)).OrderBy(f => f.StartDate).ThenBy(f => f.Id).Select(f => f.Id).ToList();
        var advised = (await db.RoleAssignments.Where(r => r.Role == RoleKind.ChallengeAdviser && r.YearCode == year).ToListAsync(Ct)).Select(r => r.SchoolId).ToHashSet();
        var expectedUnadvised = schools.Where(s => (s.OpenDate == null || s.OpenDate <= end) && (s.CloseDate == null || s.CloseDate > start) && !advised.Contains(s.Id))
            .Select(s => s.SchoolNumber).Order(StringComparer.Ordinal).Take(500).ToList();

        using var json = await host.PostGraphQLAsync("""
            query($c: String!, $y: AcademicYear!) { consortium(code: $c) { alerts(year: $y) {
              year
              enteredFollowUp(first: 500) { school { schoolNumber } followUp { category startDate inspection { id } } }
              worsenedByTwoColours(first: 500) { __typename ... on ColourMoves { fromYear toYear moves { school { schoolNumber } fromColour toColour } } }
              noChallengeAdviser(first: 500) { schoolNumber } } } }
            """, new { c = code, y = year });
        var al = GraphQLAssert.NoErrors(json).GetProperty("consortium").GetProperty("alerts");
        var moves = al.GetProperty("worsenedByTwoColours");
        Assert.Equal("ColourMoves", moves.GetProperty("__typename").GetString());
        Assert.Equal(expectedFalls, moves.GetProperty("moves").EnumerateArray().Select(m => m.GetProperty("school").GetProperty("schoolNumber").GetString()));
        Assert.All(moves.GetProperty("moves").EnumerateArray(), m =>
            Assert.True(Array.IndexOf(Colours, m.GetProperty("toColour").GetString()) - Array.IndexOf(Colours, m.GetProperty("fromColour").GetString()) >= 2));
        var entered = al.GetProperty("enteredFollowUp").EnumerateArray().ToList();
        Assert.Equal(expectedFollowUps.Count, entered.Count);
        Assert.All(entered, e => Assert.Contains(e.GetProperty("followUp").GetProperty("category").GetString(), new[] { "SIGNIFICANT_IMPROVEMENT", "SPECIAL_MEASURES" }));
        Assert.Equal(expectedUnadvised, al.GetProperty("noChallengeAdviser").EnumerateArray().Select(s => s.GetProperty("schoolNumber").GetString()));
    }

    [Fact]
    public async Task Two_colour_falls_need_both_years_of_categorisation()
    {
        using var json = await host.PostGraphQLAsync("""{ consortia { alerts(year: "2014/15") { worsenedByTwoColours { __typename ... on SeriesUnavailable { reason } } } } }""");
        var all = GraphQLAssert.NoErrors(json).GetProperty("consortia").EnumerateArray().ToList();
        Assert.NotEmpty(all);
        Assert.All(all, c => Assert.Equal("NOT_STARTED", c.GetProperty("alerts").GetProperty("worsenedByTwoColours").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_dashboard_of_every_consortium_costs_a_fixed_number_of_commands()
    {
        await using var db = host.NewDbContext();
        const string query = """
            { consortia(asOf: "2018-01-31") { code
                colourDistribution(year: "2017/18", by: [LOCAL_AUTHORITY, SECTOR]) { ... on ColourDistribution { total { count } groups { localAuthority { name } sector colours { colour count changeFromPreviousYear } } } }
                followUpCounts(asOf: "2018-01-31") { total { count } } } }
            """;
        var (json, sql) = await host.PostGraphQLWithSqlAsync(query);
        using var _ = json;
        var consortia = GraphQLAssert.NoErrors(json).GetProperty("consortia").GetArrayLength();
        Assert.True(consortia >= 3);
        TestContext.Current.TestOutputHelper?.WriteLine($"{host.Provider}: every-consortium dashboard ({consortia} consortia): {sql.Count} SQL commands\n" + string.Join("\n---\n", sql));
        // consortia (1) + one batched GROUP BY for every consortium and both years (1) + LA names (1) + one batched
        // follow-up GROUP BY for every consortium (1): independent of the number of schools and of consortia.
        Assert.True(sql.Count <= 4, string.Join("\n---\n", sql));
        Assert.Single(sql, s => s.Contains("FollowUps", StringComparison.Ordinal) && s.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase));
        Assert.Single(sql, s => s.Contains("CategorisationResults", StringComparison.Ordinal) && s.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class ConsortiumDashboardTestsSqlite(SqliteApiHost host) : ConsortiumDashboardTests(host);
public sealed class ConsortiumDashboardTestsPostgres(PostgresApiHost host) : ConsortiumDashboardTests(host);
