using SefData.Data.Seeding;
using SefData.Data.Seeding.Generation;

namespace SefData.Data.Tests.Seeding;

/// <summary>The school plan on its own (no database): numbering, scaling and validation.</summary>
public sealed class SchoolPlannerTests
{
    private static readonly IReadOnlyList<AuthorityRef> Wales = WalesProfile.Authorities.Select(a => new AuthorityRef(a.LaCode, a.NameEn)).ToList();

    [Fact]
    public void Establishment_numbers_follow_the_sector_ranges_at_scale_1()
    {
        var schools = SchoolPlanner.Plan(Wales, 1, 42);
        foreach (var s in schools)
        {
            var n = int.Parse(s.Establishment, System.Globalization.CultureInfo.InvariantCulture);
            var (low, high) = s.Sector switch
            {
                SchoolSector.Nursery or SchoolSector.Pru => (1000, 1999),
                SchoolSector.Primary => (2000, 3999),
                SchoolSector.Secondary or SchoolSector.Middle => (4000, 5999),
                _ => (7000, 7999),
            };
            Assert.InRange(n, low, high);
            Assert.Equal(s.LaCode + s.Establishment, s.SchoolNumber);
        }
    }

    [Fact]
    public void Scale_100_keeps_150_000_unique_seven_digit_school_numbers()
    {
        var schools = SchoolPlanner.Plan(Wales, 100, 1);
        var open = schools.Count(s => s.IsOpenOn(new DateOnly(2015, 1, 15)));
        Assert.InRange(open, 140_000, 160_000);
        Assert.Equal(schools.Count, schools.Select(s => s.SchoolNumber).Distinct().Count());
        Assert.All(schools, s => Assert.Equal(7, s.SchoolNumber.Length));
    }

    [Fact]
    public void Scale_10_multiplies_every_authority()
    {
        var one = SchoolPlanner.Plan(Wales, 1, 42).GroupBy(s => s.LaCode).ToDictionary(g => g.Key, g => g.Count());
        var ten = SchoolPlanner.Plan(Wales, 10, 42).GroupBy(s => s.LaCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(one, kv => Assert.InRange(ten[kv.Key], kv.Value * 9, kv.Value * 11));
    }

    [Fact]
    public void The_same_seed_plans_the_same_schools_and_another_seed_does_not()
    {
        string Names(int seed) => string.Join("|", SchoolPlanner.Plan(Wales, 1, seed).Select(s => s.SchoolNumber + s.NameEn));
        Assert.Equal(Names(42), Names(42));
        Assert.NotEqual(Names(42), Names(43));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(101)]
    public void Unsupported_scales_are_rejected_with_a_clear_message(int scale)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SeedOptions(scale, 42).Validate());
        Assert.Contains("Scale", error.Message);
    }

    [Fact]
    public void Stage_random_sources_are_independent_of_each_other()
    {
        // Drawing from one stage must not shift another's sequence.
        var a = SeedRandom.For(42, "schools");
        _ = SeedRandom.For(42, "people").Next();
        var b = SeedRandom.For(42, "schools");
        Assert.Equal(a.Next(), b.Next());
        Assert.NotEqual(SeedRandom.For(42, "schools").Next(), SeedRandom.For(42, "people").Next());
    }
}
