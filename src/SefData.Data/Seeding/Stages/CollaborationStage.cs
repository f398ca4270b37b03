using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    private static readonly string[] HubFocus =
    [
        "Leadership development", "Teaching and learning", "Literacy", "Numeracy", "Welsh language", "Digital competence",
        "eFSM learners", "More able and talented learners", "Foundation Phase", "Boys' language underachievement",
    ];

    private int _actionPlanId;
    private int _actionObjectiveId;

    /// <summary>Broad phase for matching schools: primary-like, secondary-like, specialist.</summary>
    private static int Phase(GenSchool s) => s.Sector switch
    {
        SchoolSector.Nursery or SchoolSector.Primary => 0,
        SchoolSector.Secondary or SchoolSector.Middle => 1,
        _ => 2,
    };

    private async Task WriteCollaborationAsync(CancellationToken ct)
    {
        var random = SeedRandom.For(Seed, "collaboration");
        var groups = new List<CollaborationGroup>();
        var members = new List<GroupMembership>();
        var networkPlans = new List<(int Group, string Focus)>();

        CollaborationGroup NewGroup(GroupType type, string name, string? focus, string? consortium, decimal? budget, DateOnly from, DateOnly to)
        {
            var g = new CollaborationGroup
            {
                Id = groups.Count + 1, Type = type, Name = name, Focus = focus, ConsortiumCode = consortium, Budget = budget, ValidFrom = from, ValidTo = to,
            };
            groups.Add(g);
            return g;
        }
        void Join(CollaborationGroup g, int school, GroupRole role) => members.Add(new GroupMembership
        {
            Id = members.Count + 1, GroupId = g.Id, SchoolId = school + 1, Role = role, ValidFrom = g.ValidFrom, ValidTo = g.ValidTo,
        });

        // 2008-09 SEF pilot networks: two to four pilot schools each with a notional £5,000.
        foreach (var consortium in AdewConsortia)
        {
            var pilots = _state.PilotSchools.Where(i => _reference.ConsortiumOf(_schools[i].LaCode, new DateOnly(2008, 10, 1)) == consortium).Order().ToList();
            var n = 0;
            for (var start = 0; start < pilots.Count;)
            {
                var size = Math.Min(pilots.Count - start, random.Next(2, 5));
                if (pilots.Count - start - size == 1) size++; // never leave a network of one
                var focus = _reference.Elements.Count > 0 ? random.Pick(_reference.Elements).NameEn : random.Pick(HubFocus);
                var g = NewGroup(GroupType.SefNetwork, $"{consortium} SEF network {++n}", focus, consortium, 5000m, new DateOnly(2008, 11, 1), new DateOnly(2009, 7, 31));
                for (var k = 0; k < size; k++) Join(g, pilots[start + k], k == 0 ? GroupRole.Lead : GroupRole.Member);
                networkPlans.Add((g.Id, focus));
                start += size;
            }
        }

        // Central South Wales Challenge models from 2014 (mostly CSC; the other regions ran a few of their own).
        for (var year = 2014; year <= 2019; year++)
        {
            var from = new DateOnly(year, 9, 1);
            var to = new DateOnly(year + 1, 7, 31);
            foreach (var consortium in RegionalConsortia)
            {
                var csc = consortium == "CSC";
                var open = _schools.Where(s => s.IsOpenInYear(year) && s.Sector != SchoolSector.Nursery && RegionalConsortium(s.LaCode, year) == consortium).ToList();
                if (open.Count < 4) continue;
                var strong = open.Where(s => _state.Colour(s.Index, year) == Colour.Green && _state.Capacity(s.Index, year) == 'A').ToList();
                var byPhase = Enumerable.Range(0, 3).Select(p => open.Where(s => Phase(s) == p).ToList()).ToArray();

                // Hubs: a green, capacity-A host and the schools that attend its programme.
                foreach (var host in Sample(random, strong, (csc ? 20 : 4) * Scale, _ => true))
                {
                    var focus = random.Pick(HubFocus);
                    var g = NewGroup(GroupType.Hub, $"{host.NameEn} hub: {focus}", focus, consortium, null, from, to);
                    Join(g, host.Index, GroupRole.Host);
                    foreach (var s in Sample(random, byPhase[Phase(host)], random.Next(5, 15), x => x.Index != host.Index))
                        Join(g, s.Index, GroupRole.Member);
                }

                // Pathfinder pairs: a green or yellow school supporting a weaker one of the same phase.
                var pathfinders = year <= 2018 ? (csc ? 20 : 3) * Scale : 0;
                foreach (var provider in Sample(random, open, pathfinders, s => _state.Colour(s.Index, year) is Colour.Green or Colour.Yellow))
                {
                    var providerColour = _state.Colour(provider.Index, year);
                    var partner = Sample(random, byPhase[Phase(provider)], 1, s => _state.Colour(s.Index, year) > providerColour);
                    if (partner.Count == 0) continue;
                    var supported = partner[0];
                    var g = NewGroup(GroupType.Pathfinder, $"Pathfinder: {provider.NameEn} with {supported.NameEn}", random.Pick(HubFocus), consortium, null, from, to);
                    Join(g, provider.Index, GroupRole.Provider);
                    Join(g, supported.Index, GroupRole.Supported);
                }

                // Peer enquiry triads (from 2015/16): leaders of two schools evaluate an aspect of a third, in one term.
                if (year >= 2015)
                {
                    foreach (var host in Sample(random, open, (csc ? 25 : 5) * Scale, _ => true))
                    {
                        var peers = Sample(random, byPhase[Phase(host)], 2, s => s.Index != host.Index);
                        if (peers.Count < 2) continue;
                        var term = random.Next(3);
                        var start = term switch { 0 => new DateOnly(year, 10, 1), 1 => new DateOnly(year + 1, 1, 15), _ => new DateOnly(year + 1, 4, 20) };
                        var focus = random.Pick(HubFocus);
                        var g = NewGroup(GroupType.PeerEnquiry, $"Peer enquiry: {host.NameEn}", focus, consortium, null, start, start.AddDays(70));
                        Join(g, host.Index, GroupRole.Host);
                        foreach (var p in peers) Join(g, p.Index, GroupRole.Enquirer);
                    }
                }

                // School improvement groups: four to eight schools on shared priorities for one to three years.
                if (year <= 2018)
                {
                    foreach (var lead in Sample(random, open, (csc ? 6 : 1) * Scale, _ => true))
                    {
                        var years = Math.Min(random.Next(1, 4), 2020 - year);
                        var until = new DateOnly(year + years, 7, 31);
                        if (!lead.IsOpenOn(until)) continue;
                        var focus = random.Pick(HubFocus);
                        var g = NewGroup(GroupType.Sig, $"SIG: {focus} ({Names.Place(random)})", focus, consortium, null, from, until);
                        Join(g, lead.Index, GroupRole.Lead);
                        foreach (var s in Sample(random, byPhase[Phase(lead)], random.Next(3, 8), x => x.Index != lead.Index && x.IsOpenOn(until)))
                            Join(g, s.Index, GroupRole.Member);
                    }
                }
            }
        }

        await WriteAsync("collaboration", groups, ct);
        await WriteAsync("collaboration", members, ct);
        await WriteAsync("collaboration", Activities(random, groups, members), ct);

        // Each SEF network agreed a spending plan for its £5,000.
        var plans = networkPlans.Select(n => new ActionPlan { Id = ++_actionPlanId, Owner = ActionPlanOwner.Group, GroupId = n.Group, Title = $"Network spending plan: {n.Focus}" }).ToList();
        await WriteAsync("collaboration", plans, ct);
        await WriteAsync("collaboration", plans.SelectMany(p => new[]
        {
            new ActionObjective { Id = ++_actionObjectiveId, ActionPlanId = p.Id, Objective = "Joint professional learning on the network's theme", Resources = "£2,500 supply cover", Owner = "Network lead", DueDate = new DateOnly(2009, 3, 31) },
            new ActionObjective { Id = ++_actionObjectiveId, ActionPlanId = p.Id, Objective = "Learning visits between network schools", Resources = "£2,500 release time", Owner = "Headteachers", DueDate = new DateOnly(2009, 6, 30) },
        }), ct);
    }

    /// <summary>What each kind of group did, hosted by its members in turn: visits, CPD, planning, enquiries.</summary>
    private static IEnumerable<GroupActivity> Activities(Random random, List<CollaborationGroup> groups, List<GroupMembership> members)
    {
        var schoolsOf = members.GroupBy(m => m.GroupId).ToDictionary(g => g.Key, g => g.Select(m => m.SchoolId).ToList());
        var id = 0;
        foreach (var g in groups)
        {
            var schools = schoolsOf.GetValueOrDefault(g.Id) ?? [];
            if (schools.Count == 0) continue;
            var (type, count) = g.Type switch
            {
                GroupType.SefNetwork or GroupType.Pathfinder => (ActivityType.LearningVisit, random.Next(2, 5)),
                GroupType.Hub => (ActivityType.Cpd, random.Next(3, 7)),
                GroupType.Sig => (ActivityType.JointPlanning, random.Next(2, 5)),
                GroupType.PeerEnquiry => (ActivityType.Enquiry, 1),
                _ => (ActivityType.Triad, 1),
            };
            var days = g.ValidTo!.Value.DayNumber - g.ValidFrom.DayNumber;
            var dates = Enumerable.Range(0, count).Select(_ => g.ValidFrom.AddDays(random.Next(0, days + 1))).Order().ToList();
            for (var k = 0; k < dates.Count; k++)
            {
                var date = SchoolDay(dates[k], g.ValidFrom);
                yield return new GroupActivity
                {
                    Id = ++id, GroupId = g.Id, Type = type, Date = date,
                    HostSchoolId = g.Type == GroupType.Hub || g.Type == GroupType.PeerEnquiry ? schools[0] : schools[k % schools.Count],
                    Note = g.Focus,
                };
            }
            if (g.Type == GroupType.PeerEnquiry)
                yield return new GroupActivity { Id = ++id, GroupId = g.Id, Type = ActivityType.LearningWalk, Date = SchoolDay(dates[0].AddDays(1), g.ValidFrom), HostSchoolId = schools[0], Note = "Learning walk during the enquiry" };
        }
    }

    /// <summary>Sessions fall on school days: a weekend date moves to the Friday before (never before the group began).</summary>
    private static DateOnly SchoolDay(DateOnly date, DateOnly notBefore)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(-1);
        while (date < notBefore || date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct items that satisfy <paramref name="accept"/>, in random order. Small
    /// samples from large lists use rejection (no copy of the list); otherwise a filtered partial Fisher-Yates.
    /// </summary>
    private static List<T> Sample<T>(Random random, IReadOnlyList<T> items, int count, Func<T, bool> accept)
    {
        var result = new List<T>(Math.Max(0, count));
        if (count <= 0 || items.Count == 0) return result;
        if (count * 8 < items.Count)
        {
            var seen = new HashSet<int>();
            for (var attempt = 0; attempt < count * 30 && result.Count < count; attempt++)
            {
                var i = random.Next(items.Count);
                if (seen.Add(i) && accept(items[i])) result.Add(items[i]);
            }
            return result;
        }
        var pool = items.Where(accept).ToArray();
        var n = Math.Min(count, pool.Length);
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            result.Add(pool[i]);
        }
        return result;
    }
}
