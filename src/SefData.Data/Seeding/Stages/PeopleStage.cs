using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    /// <summary>Formal regional consortia (Sep 2012 to 2021) that employed challenge advisers.</summary>
    private static readonly string[] RegionalConsortia = ["GWE", "ERW", "CSC", "EAS"];
    private static readonly string[] AdewConsortia = ["NW", "SWAMWAC", "CSW", "SEW"];
    private const int ChallengeFirstYear = 2012;
    private const int ChallengeLastYear = 2019;

    private readonly Dictionary<(string La, int Year), string?> _regional = [];

    /// <summary>
    /// The consortium of an LA as at the January census of an academic year: the regional services from 2012/13,
    /// the ADEW consortia before. Cached because every school row asks.
    /// </summary>
    private string? RegionalConsortium(string laCode, int year)
    {
        if (!_regional.TryGetValue((laCode, year), out var code))
            _regional[(laCode, year)] = code = _reference.ConsortiumOf(laCode, new DateOnly(year + 1, 1, 15), year >= 2012 ? RegionalConsortia : AdewConsortia);
        return code;
    }

    private sealed record Caseload(int Person, int Year, RoleKind Role, string Employer, int[] Schools);

    private async Task WritePeopleAsync(CancellationToken ct)
    {
        var random = SeedRandom.For(Seed, "people");
        var people = new List<Person>();
        int NewPerson()
        {
            var (given, family) = Names.Person(random);
            people.Add(new Person { Id = people.Count + 1, GivenName = given, FamilyName = family });
            return people.Count;
        }

        // Headteachers: successive tenures of 3-12 years from 2005 (or opening) to closure.
        var heads = new List<(int Person, GenSchool School, DateOnly From, DateOnly? To)>();
        foreach (var s in _schools)
        {
            var from = s.OpenDate > new DateOnly(2005, 9, 1) ? s.OpenDate : new DateOnly(2005 - random.Next(0, 8), 9, 1);
            var end = s.CloseDate ?? AsAt;
            while (from <= end)
            {
                var to = new DateOnly(from.Year + random.Next(3, 13), 8, 31);
                DateOnly? until = to >= end ? s.CloseDate : to;
                heads.Add((NewPerson(), s, from, until));
                if (until is null) break;
                from = until.Value.AddDays(1);
            }
        }

        // Link advisers per LA (2008/09-2011/12), then challenge advisers per regional consortium (2012/13-2019/20).
        var caseloads = new List<Caseload>();
        PlanCaseloads(random, caseloads, 2008, 2011, RoleKind.LinkAdviser, s => s.LaCode, 15, 30, NewPerson);
        PlanCaseloads(random, caseloads, ChallengeFirstYear, ChallengeLastYear, RoleKind.ChallengeAdviser, (s, y) => RegionalConsortium(s.LaCode, y), 15, 25, NewPerson);

        // SEF pilot: Associates with 4-10 schools (NW, SEW, CSW); swamwac Improvement Facilitators with 1-3.
        var pilotRoles = new List<(int Person, RoleKind Role, string Consortium, int? School, decimal Days)>();
        foreach (var consortium in AdewConsortia)
        {
            var schools = _state.PilotSchools.Where(i => _reference.ConsortiumOf(_schools[i].LaCode, new DateOnly(2008, 10, 1)) == consortium).Order().ToList();
            var facilitator = consortium == "SWAMWAC";
            for (var start = 0; start < schools.Count;)
            {
                var size = Math.Min(schools.Count - start, facilitator ? random.Next(1, 4) : random.Next(4, 11));
                var person = NewPerson();
                foreach (var school in schools.Skip(start).Take(size))
                {
                    _state.PilotFacilitator[school] = person;
                    pilotRoles.Add((person, facilitator ? RoleKind.ImprovementFacilitator : RoleKind.Associate, consortium, school, facilitator ? 6 : Math.Round(50m / size, 1)));
                }
                start += size;
            }
            for (var k = 0; k < (facilitator ? 2 : 1); k++)
                pilotRoles.Add((NewPerson(), RoleKind.RegionalCoordinator, consortium, null, 0));
        }

        await WriteAsync("people", people, ct);

        var id = 0;
        IEnumerable<RoleAssignment> Roles()
        {
            foreach (var (person, school, from, to) in heads)
                yield return new RoleAssignment
                {
                    Id = ++id, PersonId = person, Role = RoleKind.Headteacher, Employer = EmployerKind.School,
                    EmployerSchoolId = school.Index + 1, SchoolId = school.Index + 1, ValidFrom = from, ValidTo = to,
                };
            foreach (var load in caseloads)
                foreach (var school in load.Schools)
                    yield return new RoleAssignment
                    {
                        Id = ++id, PersonId = load.Person, Role = load.Role,
                        Employer = load.Role == RoleKind.LinkAdviser ? EmployerKind.LocalAuthority : EmployerKind.Consortium,
                        EmployerLaCode = load.Role == RoleKind.LinkAdviser ? load.Employer : null,
                        EmployerConsortiumCode = load.Role == RoleKind.LinkAdviser ? null : load.Employer,
                        SchoolId = school + 1, YearCode = Year(load.Year),
                        ValidFrom = new DateOnly(load.Year, 9, 1), ValidTo = new DateOnly(load.Year + 1, 8, 31),
                    };
            foreach (var (person, role, consortium, school, days) in pilotRoles)
                yield return new RoleAssignment
                {
                    Id = ++id, PersonId = person, Role = role, Employer = EmployerKind.Consortium, EmployerConsortiumCode = consortium,
                    SchoolId = school + 1, YearCode = "2008/09", ValidFrom = new DateOnly(2008, 9, 1), ValidTo = new DateOnly(2009, 7, 31),
                    AllocatedDays = role == RoleKind.RegionalCoordinator ? null : days,
                };
        }
        await WriteAsync("people", Roles(), ct);
    }

    private void PlanCaseloads(Random random, List<Caseload> caseloads, int firstYear, int lastYear, RoleKind role,
        Func<GenSchool, string> employer, int min, int max, Func<int> newPerson) =>
        PlanCaseloads(random, caseloads, firstYear, lastYear, role, (s, _) => employer(s), min, max, newPerson);

    /// <summary>
    /// Each year, an employer's open schools (in school-number order) are cut into caseloads of <paramref name="min"/>
    /// to <paramref name="max"/>. Advisers stay on from year to year with 90% probability and keep their place in the
    /// order, so most schools keep their adviser.
    /// </summary>
    private void PlanCaseloads(Random random, List<Caseload> caseloads, int firstYear, int lastYear, RoleKind role,
        Func<GenSchool, int, string?> employer, int min, int max, Func<int> newPerson)
    {
        var pools = new Dictionary<string, List<int>>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var byEmployer = _schools.Where(s => s.IsOpenInYear(year) && s.Sector != SchoolSector.Nursery)
                .Select(s => (School: s, Employer: employer(s, year))).Where(x => x.Employer is not null)
                .GroupBy(x => x.Employer!).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in byEmployer)
            {
                var schools = group.Select(x => x.School).OrderBy(s => s.SchoolNumber, StringComparer.Ordinal).ToList();
                var sizes = CaseloadSizes(random, schools.Count, min, max);
                var previous = pools.GetValueOrDefault(group.Key) ?? [];
                var pool = previous.Where(_ => random.Chance(0.9)).Take(sizes.Count).ToList();
                while (pool.Count < sizes.Count) pool.Insert(random.Next(pool.Count + 1), newPerson());
                pools[group.Key] = pool;
                var start = 0;
                for (var k = 0; k < sizes.Count; k++)
                {
                    var load = schools.GetRange(start, sizes[k]).Select(s => s.Index).ToArray();
                    foreach (var school in load) _state.SetAdviser(school, year, pool[k]);
                    caseloads.Add(new Caseload(pool[k], year, role, group.Key, load));
                    start += sizes[k];
                }
            }
        }
    }

    /// <summary>Split <paramref name="n"/> into parts near the middle of [min, max], jittered but kept in range.</summary>
    private static List<int> CaseloadSizes(Random random, int n, int min, int max)
    {
        var parts = Math.Max(1, (int)Math.Round(n / ((min + max) / 2.0)));
        var sizes = Enumerable.Range(0, parts).Select(i => n / parts + (i < n % parts ? 1 : 0)).ToList();
        for (var i = 0; i + 1 < sizes.Count; i++)
        {
            var shift = random.Next(-4, 5);
            if (sizes[i] + shift >= min && sizes[i] + shift <= max && sizes[i + 1] - shift >= min && sizes[i + 1] - shift <= max)
            {
                sizes[i] += shift;
                sizes[i + 1] -= shift;
            }
        }
        return sizes;
    }
}
