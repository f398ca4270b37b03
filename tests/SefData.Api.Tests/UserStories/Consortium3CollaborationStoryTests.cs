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
    public async Task A_school_joining_a_hub_is_counted_in_hub_attendance()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        // A hub and year where attendance is already published, so one more school shows as +1.
        var hubs = await db.CollaborationGroups.Where(g => g.Type == GroupType.Hub && g.ConsortiumCode != null).OrderBy(g => g.Id).ToListAsync(Ct);
        foreach (var hub in hubs)
        {
            var startYear = hub.ValidFrom.Month >= 9 ? hub.ValidFrom.Year : hub.ValidFrom.Year - 1;
            var (start, end) = Window(startYear);
            if (hub.ValidTo is { } to && to < end) continue;
            var (_, schools) = await ExpectedAsync(db, hub.ConsortiumCode!, startYear);
            if (schools.GetValueOrDefault(GroupType.Hub) < Threshold) continue;

            var attending = (await db.GroupMemberships.Where(m => m.Group!.ConsortiumCode == hub.ConsortiumCode && m.Group.Type == GroupType.Hub).ToListAsync(Ct))
                .Where(m => Overlaps(m.ValidFrom, m.ValidTo, start, end)).Select(m => m.SchoolId).ToHashSet();
            var newcomer = await db.Schools.Where(s => !attending.Contains(s.Id)).OrderBy(s => s.Id).FirstAsync(Ct);
            const string read = "query($c: String!, $y: AcademicYear!) { consortium(code: $c) { collaboration(year: $y) { types { type schools { count suppressed } } } } }";
            var vars = new { c = hub.ConsortiumCode, y = YearCode(startYear) };
            static int? HubSchools(JsonDocument json) => Count(GraphQLAssert.NoErrors(json).GetProperty("consortium").GetProperty("collaboration")
                .GetProperty("types").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "HUB").GetProperty("schools"));

            using (var before = await copy.PostGraphQLAsync(read, vars))
                Assert.Equal(schools[GroupType.Hub], HubSchools(before));
            var joined = (hub.ValidFrom > start ? hub.ValidFrom : start).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using (var add = await copy.PostGraphQLAsync($"mutation($i: AddGroupMembershipInput!) {{ addGroupMembership(input: $i) {{ membership {{ validFrom }} {Errors} }} }}",
                       new { i = new { group = Id("CollaborationGroup", hub.Id), school = newcomer.SchoolNumber, validFrom = joined } }))
                Ok(add, "addGroupMembership", "membership");

            var (_, after) = await ExpectedAsync(db, hub.ConsortiumCode!, startYear);
            Assert.Equal(schools[GroupType.Hub] + 1, after[GroupType.Hub]);
            using (var again = await copy.PostGraphQLAsync(read, vars))
                Assert.Equal(after[GroupType.Hub], HubSchools(again));
            return;
        }
        Assert.Fail("no hub with published attendance in the demo data");
    }
}

public sealed class Consortium3CollaborationStoryTestsSqlite(SqliteApiHost host) : Consortium3CollaborationStoryTests(host);
public sealed class Consortium3CollaborationStoryTestsPostgres(PostgresApiHost host) : Consortium3CollaborationStoryTests(host);
