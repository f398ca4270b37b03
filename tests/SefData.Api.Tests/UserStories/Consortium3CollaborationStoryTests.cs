using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Aggregates.RollUpAssert;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// Consortium story 3 (DOMAIN.md section 5): "Track collaboration use: SIG, pathfinder pairings, hubs attended, peer
/// enquiries completed". Every consortium and year recounted here from the group and membership rows; and a school
/// joining a hub through the API shows up in the hub attendance.
/// </summary>
public abstract class Consortium3CollaborationStoryTests(ApiHost host)
{
    private const string Fields = """
        year stale suppressionThreshold sourceVersion sigs pathfinderPairings hubs peerEnquiriesCompleted
        types { type activeGroups completedGroups schools { count suppressed } }
        """;

    private static (DateOnly Start, DateOnly End) Window(int startYear) => (new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31));
    private static string YearCode(int startYear) => $"{startYear}/{(startYear + 1) % 100:D2}";
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static bool Overlaps(DateOnly from, DateOnly? to, DateOnly start, DateOnly end) => from <= end && (to == null || to >= start);

    /// <summary>Groups of the consortium active in the year, and schools with a membership of each type during it.</summary>
    private static (List<CollaborationGroup> Active, Dictionary<GroupType, int> Schools) Expected(
        List<CollaborationGroup> allGroups, List<GroupMembership> allMemberships, string consortium, int startYear)
    {
        var (start, end) = Window(startYear);
        var groups = allGroups.Where(g => g.ConsortiumCode == consortium && Overlaps(g.ValidFrom, g.ValidTo, start, end)).ToList();
        var ids = groups.ToDictionary(g => g.Id, g => g.Type);
        var schools = allMemberships
            .Where(m => ids.ContainsKey(m.GroupId) && Overlaps(m.ValidFrom, m.ValidTo, start, end))
            .GroupBy(m => ids[m.GroupId]).ToDictionary(g => g.Key, g => g.Select(m => m.SchoolId).Distinct().Count());
        return (groups, schools);
    }

    private static async Task<(List<CollaborationGroup> Active, Dictionary<GroupType, int> Schools)> ExpectedAsync(SefDataDbContext db, string consortium, int startYear) =>
        Expected(await db.CollaborationGroups.AsNoTracking().ToListAsync(Ct), await db.GroupMemberships.AsNoTracking().ToListAsync(Ct), consortium, startYear);

    private static void Verify(JsonElement use, List<CollaborationGroup> active, Dictionary<GroupType, int> schools, int startYear, string what)
    {
        var (_, end) = Window(startYear);
        bool Ended(CollaborationGroup g) => g.ValidTo != null && g.ValidTo <= end;
        Assert.Equal(YearCode(startYear), use.GetProperty("year").GetString());
        Assert.False(use.GetProperty("stale").GetBoolean());
        Assert.Equal(Signature("CollaborationGroup", active.Select(g => (g.Id, g.Version))), use.GetProperty("sourceVersion").GetString());
        // The four numbers the story names.
        Assert.Equal(active.Count(g => g.Type == GroupType.Sig), use.GetProperty("sigs").GetInt32());
        Assert.Equal(active.Count(g => g.Type == GroupType.Pathfinder), use.GetProperty("pathfinderPairings").GetInt32());
        Assert.Equal(active.Count(g => g.Type == GroupType.Hub), use.GetProperty("hubs").GetInt32());
        Assert.Equal(active.Count(g => g.Type == GroupType.PeerEnquiry && Ended(g)), use.GetProperty("peerEnquiriesCompleted").GetInt32());
        // Every group type, with the schools taking part (suppressed below the threshold).
        var types = use.GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<GroupType>().Select(t => Upper(t)).Order(StringComparer.Ordinal), types.Select(t => t.GetProperty("type").GetString()).Order(StringComparer.Ordinal));
        foreach (var t in types)
        {
            var type = Enum.GetValues<GroupType>().Single(x => Upper(x) == t.GetProperty("type").GetString());
            Assert.Equal(active.Count(g => g.Type == type), t.GetProperty("activeGroups").GetInt32());
            Assert.Equal(active.Count(g => g.Type == type && Ended(g)), t.GetProperty("completedGroups").GetInt32());
            Cell(t.GetProperty("schools"), schools.GetValueOrDefault(type), $"{what} {type} schools");
        }
    }

    [Fact]
    public async Task Every_consortium_and_year_counts_sigs_pairings_hubs_and_completed_peer_enquiries()
    {
        await using var db = host.NewDbContext();
        var groups = await db.CollaborationGroups.Where(g => g.ConsortiumCode != null).ToListAsync(Ct);
        var memberships = await db.GroupMemberships.ToListAsync(Ct);
        Assert.NotEmpty(groups);
        var consortia = groups.Select(g => g.ConsortiumCode!).Distinct().Order(StringComparer.Ordinal).ToList();
        var first = groups.Min(g => g.ValidFrom.Month >= 9 ? g.ValidFrom.Year : g.ValidFrom.Year - 1);
        var last = groups.Max(g => g.ValidFrom.Month >= 9 ? g.ValidFrom.Year : g.ValidFrom.Year - 1);
        var years = Enumerable.Range(first, last - first + 1).ToList();

        // Per consortium, the years as aliases (in chunks under the alias limit): the dashboard's time series.
        var (sigs, pairings, hubs, completed, hubSchoolsShown) = (0, 0, 0, 0, 0);
        foreach (var code in consortia)
        foreach (var chunk in years.Chunk(20))
        {
            var query = "query($c: String!) { consortium(code: $c) { " +
                string.Join(" ", chunk.Select(y => $"y{y}: collaboration(year: \"{YearCode(y)}\") {{ {Fields} }}")) + " } }";
            using var json = await host.PostGraphQLAsync(query, new { c = code });
            var c = GraphQLAssert.NoErrors(json).GetProperty("consortium");
            foreach (var y in chunk)
            {
                var (active, schools) = Expected(groups, memberships, code, y);
                var use = c.GetProperty($"y{y}");
                Verify(use, active, schools, y, $"{code} {YearCode(y)}");
                sigs += use.GetProperty("sigs").GetInt32();
                pairings += use.GetProperty("pathfinderPairings").GetInt32();
                hubs += use.GetProperty("hubs").GetInt32();
                completed += use.GetProperty("peerEnquiriesCompleted").GetInt32();
                if (!Suppressed(use.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "HUB").GetProperty("schools"))) hubSchoolsShown++;
            }
        }
        // Each measure of the story is non-zero somewhere, so none of the checks above is vacuous.
        Assert.True(sigs > 0 && pairings > 0 && hubs > 0 && completed > 0, $"sigs {sigs}, pairings {pairings}, hubs {hubs}, completed enquiries {completed}");
        Assert.True(hubSchoolsShown > 0, "hub attendance is suppressed everywhere: the test would prove nothing");
    }

    [Fact]
    public async Task Schools_joining_a_hub_are_counted_once_attendance_reaches_the_threshold()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        // The hub with the fewest schools attending in its first year: joiners take it across the threshold.
        var hubs = await db.CollaborationGroups.AsNoTracking().Where(g => g.Type == GroupType.Hub && g.ConsortiumCode != null).OrderBy(g => g.Id).ToListAsync(Ct);
        Assert.NotEmpty(hubs);
        static int StartYear(DateOnly d) => d.Month >= 9 ? d.Year : d.Year - 1;
        var candidates = new List<(CollaborationGroup Hub, int Attending)>();
        foreach (var h in hubs)
            candidates.Add((h, (await ExpectedAsync(db, h.ConsortiumCode!, StartYear(h.ValidFrom))).Schools.GetValueOrDefault(GroupType.Hub)));
        var (hub, attending) = candidates.OrderBy(c => c.Attending).ThenBy(c => c.Hub.Id).First();
        var startYear = StartYear(hub.ValidFrom);
        var (start, end) = Window(startYear);
        var joined = D(hub.ValidFrom > start ? hub.ValidFrom : start);
        const string read = "query($c: String!, $y: AcademicYear!) { consortium(code: $c) { collaboration(year: $y) { hubs types { type schools { count suppressed } } } } }";
        var vars = new { c = hub.ConsortiumCode, y = YearCode(startYear) };

        async Task CheckAsync()
        {
            var (active, schools) = await ExpectedAsync(db, hub.ConsortiumCode!, startYear);
            using var json = await copy.PostGraphQLAsync(read, vars);
            var use = GraphQLAssert.NoErrors(json).GetProperty("consortium").GetProperty("collaboration");
            Assert.Equal(active.Count(g => g.Type == GroupType.Hub), use.GetProperty("hubs").GetInt32());
            var cell = use.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "HUB").GetProperty("schools");
            var expected = schools.GetValueOrDefault(GroupType.Hub);
            // Suppressed exactly while fewer schools than the threshold attend; then the true count.
            Assert.Equal(expected < Threshold, Suppressed(cell));
            Cell(cell, expected, $"hub attendance {expected}");
        }

        await CheckAsync();
        var attendingIds = (await db.GroupMemberships.Where(m => m.Group!.ConsortiumCode == hub.ConsortiumCode && m.Group.Type == GroupType.Hub).ToListAsync(Ct))
            .Where(m => Overlaps(m.ValidFrom, m.ValidTo, start, end)).Select(m => m.SchoolId).ToHashSet();
        var newcomers = await db.Schools.Where(s => !attendingIds.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.SchoolNumber)
            .Take(Math.Max(2, Threshold + 1 - attending)).ToListAsync(Ct);
        foreach (var school in newcomers)
        {
            using (var add = await copy.PostGraphQLAsync($"mutation($i: AddGroupMembershipInput!) {{ addGroupMembership(input: $i) {{ membership {{ validFrom }} {Errors} }} }}",
                       new { i = new { group = Id("CollaborationGroup", hub.Id), school, validFrom = joined } }))
                Ok(add, "addGroupMembership", "membership");
            await CheckAsync();
        }
        var (_, after) = await ExpectedAsync(db, hub.ConsortiumCode!, startYear);
        Assert.Equal(attending + newcomers.Count, after[GroupType.Hub]);
        Assert.True(after[GroupType.Hub] > Threshold, "attendance never reached the threshold: the published half would prove nothing");
    }
}

public sealed class Consortium3CollaborationStoryTestsSqlite(SqliteApiHost host) : Consortium3CollaborationStoryTests(host);
public sealed class Consortium3CollaborationStoryTestsPostgres(PostgresApiHost host) : Consortium3CollaborationStoryTests(host);
