namespace SefData.Data.Seeding.Generation;

public sealed record AuthorityRef(string LaCode, string NameEn);

/// <summary>
/// Plans the schools: how many of each sector per authority, their numbers, names, language medium, and the
/// closures and amalgamations that give some schools predecessor/successor links.
/// </summary>
public static class SchoolPlanner
{
    // Establishment-number ranges [K]: 1xxx nursery/PRU, 2-3xxx primary, 4-5xxx secondary (and all-age), 7xxx special.
    private static (int Low, int High) Range(SchoolSector sector) => sector switch
    {
        SchoolSector.Nursery => (1000, 1500),
        SchoolSector.Pru => (1500, 2000),
        SchoolSector.Primary => (2000, 4000),
        SchoolSector.Secondary or SchoolSector.Middle => (4000, 6000),
        _ => (7000, 8000),
    };

    public static List<GenSchool> Plan(IReadOnlyList<AuthorityRef> authorities, int scale, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var random = SeedRandom.For(seed, "schools");
        var shapes = authorities.Select(a => (Ref: a, Shape: WalesProfile.Find(a.LaCode, a.NameEn)
            ?? throw new InvalidOperationException($"No synthetic-data profile for local authority {a.LaCode} {a.NameEn}."))).ToList();

        // Planned slots per authority and sector, before numbering.
        var slots = new List<Slot>();
        foreach (var (sector, total) in WalesProfile.SectorTotals)
        {
            var weights = shapes.Select(s => s.Shape.Schools * (sector == SchoolSector.Middle ? s.Shape.AllAgeWeight : 1.0)).ToArray();
            var counts = Apportion(total * scale, weights);
            for (var la = 0; la < shapes.Count; la++)
                for (var i = 0; i < counts[la]; i++)
                    slots.Add(new Slot(la, sector, SchoolOrigin.Established));
        }

        // Amalgamations replace one stable primary by a successor plus two closed predecessors, so the open
        // primary count stays on target; plain closures add closed schools.
        var primaryWeights = shapes.Select(s => (double)s.Shape.Schools).ToArray();
        var amalgamations = Apportion(WalesProfile.AmalgamationsAtScale1 * scale, primaryWeights);
        var closures = Apportion(WalesProfile.ClosuresAtScale1 * scale, primaryWeights);
        var primariesByLa = Enumerable.Range(0, slots.Count).Where(i => slots[i].Sector == SchoolSector.Primary)
            .GroupBy(i => slots[i].La).ToDictionary(g => g.Key, g => g.ToList());
        for (var la = 0; la < shapes.Count; la++)
        {
            var stablePrimaries = primariesByLa.GetValueOrDefault(la) ?? [];
            for (var i = 0; i < amalgamations[la] && i < stablePrimaries.Count; i++)
            {
                var stable = stablePrimaries[i];
                slots[stable] = slots[stable] with { Kind = SchoolOrigin.Successor };
                slots.Add(new Slot(la, SchoolSector.Primary, SchoolOrigin.Predecessor));
                slots.Add(new Slot(la, SchoolSector.Primary, SchoolOrigin.Predecessor));
            }
            for (var i = 0; i < closures[la]; i++) slots.Add(new Slot(la, SchoolSector.Primary, SchoolOrigin.Closed));
        }

        CapAuthorities(slots, shapes.Count);

        // Number and name the slots authority by authority, sector by sector, so numbers ascend within a range.
        var schools = new List<GenSchool>(slots.Count);
        foreach (var byLa in slots.GroupBy(s => s.La).OrderBy(g => g.Key))
        {
            var used = new bool[MaxEstablishment + 1];
            var sectors = byLa.GroupBy(s => Range(s.Sector).Low).OrderBy(g => g.Key).Select(g => g.OrderBy(s => s.Kind).ToList()).ToList();
            var numbers = new List<int>[sectors.Count];
            // First every sector inside its own realistic range, then any overflow (only at very large scales) from
            // whatever numbers the authority has left, so school numbers always stay LA code + 4 digits.
            for (var k = 0; k < sectors.Count; k++)
            {
                var (low, high) = Range(sectors[k][0].Sector);
                numbers[k] = [.. DistinctSorted(random, low, high, Math.Min(sectors[k].Count, high - low))];
                foreach (var n in numbers[k]) used[n] = true;
            }
            var spare = 1;
            for (var k = 0; k < sectors.Count; k++)
            {
                while (numbers[k].Count < sectors[k].Count)
                {
                    while (used[spare]) spare++;
                    used[spare] = true;
                    numbers[k].Add(spare);
                }
            }
            var shape = shapes[byLa.Key];
            for (var k = 0; k < sectors.Count; k++)
            {
                // Shuffle which slot gets which number so successors (new numbers) are not always the lowest.
                var order = Enumerable.Range(0, sectors[k].Count).ToArray();
                random.Shuffle(order);
                for (var i = 0; i < sectors[k].Count; i++)
                    schools.Add(Create(random, schools.Count, shape.Ref.LaCode, shape.Shape, sectors[k][i], numbers[k][order[i]]));
            }
        }

        LinkAmalgamations(schools);
        return schools;
    }

    private sealed record Slot(int La, SchoolSector Sector, SchoolOrigin Kind);

    private static GenSchool Create(Random random, int index, string laCode, LaShape shape, Slot slot, int establishment)
    {
        var sector = slot.Sector;
        var language = Language(random, shape, sector);
        var faith = Faith.None;
        if (sector is SchoolSector.Primary && language is LanguageMedium.EnglishMedium or LanguageMedium.EnglishSignificantWelsh)
            faith = random.NextDouble() switch { < 0.10 => Faith.ChurchInWales, < 0.16 => Faith.RomanCatholic, _ => Faith.None };
        else if (sector is SchoolSector.Secondary && language is LanguageMedium.EnglishMedium)
            faith = random.NextDouble() switch { < 0.03 => Faith.ChurchInWales, < 0.09 => Faith.RomanCatholic, _ => Faith.None };

        var splitPrimary = sector == SchoolSector.Primary && faith == Faith.None && random.Chance(0.08);
        var infant = random.Chance(0.5);
        var (ageLow, ageHigh) = sector switch
        {
            SchoolSector.Nursery => (3, 4),
            SchoolSector.Primary when splitPrimary => infant ? (3, 7) : (7, 11),
            SchoolSector.Primary => (random.Chance(0.7) ? 3 : 4, 11),
            SchoolSector.Middle => (3, random.Chance(0.6) ? 16 : 19),
            SchoolSector.Secondary => (11, random.Chance(0.65) ? 18 : 16),
            SchoolSector.Special => (3, 19),
            _ => (11, 16),
        };
        var (nameEn, nameCy) = Names.School(random, sector, language, faith, splitPrimary, infant);

        // Established schools predate the data; successors and all-age schools open in the 2010s.
        var openYear = slot.Kind == SchoolOrigin.Successor ? random.Next(2010, 2020)
            : sector == SchoolSector.Middle ? random.Next(2010, 2019)
            : random.Next(1950, 2006);
        DateOnly? close = slot.Kind == SchoolOrigin.Closed ? new DateOnly(random.Next(2009, 2024), 8, 31) : null;

        var efsm = Math.Clamp(shape.EfsmPercent * Math.Exp(0.45 * random.NextGaussian()), 2, 70);
        if (sector == SchoolSector.Pru) efsm = Math.Clamp(efsm * 1.8, 10, 80);
        if (sector == SchoolSector.Special) efsm = Math.Clamp(efsm * 1.6, 8, 75);

        var pupils = sector switch
        {
            SchoolSector.Nursery => 40 + random.Next(60),
            SchoolSector.Primary when splitPrimary => (int)(180 * Math.Exp(0.35 * random.NextGaussian())),
            SchoolSector.Primary => (int)(210 * Math.Exp(0.55 * random.NextGaussian())),
            SchoolSector.Middle => (int)(900 * Math.Exp(0.35 * random.NextGaussian())),
            SchoolSector.Secondary => (int)(950 * Math.Exp(0.35 * random.NextGaussian())),
            SchoolSector.Special => (int)(100 * Math.Exp(0.4 * random.NextGaussian())),
            _ => 15 + random.Next(70),
        };
        var (min, max) = sector switch
        {
            SchoolSector.Primary => (12, 750),
            SchoolSector.Secondary or SchoolSector.Middle => (300, 2100),
            _ => (10, 400),
        };

        return new GenSchool
        {
            Index = index,
            LaCode = laCode,
            Establishment = establishment.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            SchoolNumber = laCode + establishment.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            NameEn = nameEn,
            NameCy = nameCy,
            Sector = sector,
            AgeLow = ageLow,
            AgeHigh = ageHigh,
            Faith = faith,
            Language = language,
            OpenDate = new DateOnly(openYear, 9, 1),
            CloseDate = close,
            EfsmBase = Math.Round(efsm, 1),
            BasePupils = Math.Clamp(pupils, min, max),
            Origin = slot.Kind,
        };
    }

    private static LanguageMedium Language(Random random, LaShape shape, SchoolSector sector)
    {
        var welsh = shape.WelshMediumPrimaryShare;
        var x = random.NextDouble();
        switch (sector)
        {
            case SchoolSector.Primary:
                if (x < welsh) return LanguageMedium.WelshMedium;
                if (x < welsh + 0.03) return LanguageMedium.DualStream;
                if (x < welsh + 0.05 && welsh > 0.3) return LanguageMedium.Transitional;
                if (x < welsh + 0.12 && welsh > 0.2) return LanguageMedium.EnglishSignificantWelsh;
                return LanguageMedium.EnglishMedium;
            case SchoolSector.Secondary or SchoolSector.Middle:
                // In the heartlands most secondaries are bilingual (2A-2Ch) rather than simply Welsh-medium.
                if (welsh > 0.5)
                    return x switch
                    {
                        < 0.30 => LanguageMedium.WelshMedium,
                        < 0.55 => LanguageMedium.BilingualA,
                        < 0.75 => LanguageMedium.BilingualB,
                        < 0.85 => LanguageMedium.BilingualC,
                        < 0.92 => LanguageMedium.BilingualCh,
                        _ => LanguageMedium.EnglishMedium,
                    };
                if (x < welsh * 0.9) return LanguageMedium.WelshMedium;
                if (x < welsh * 0.9 + 0.04) return LanguageMedium.EnglishSignificantWelsh;
                return LanguageMedium.EnglishMedium;
            case SchoolSector.Nursery:
                return x < welsh * 0.5 ? LanguageMedium.WelshMedium : LanguageMedium.EnglishMedium;
            default:
                return x < welsh * 0.4 ? LanguageMedium.WelshMedium : x < welsh * 0.7 ? LanguageMedium.BilingualB : LanguageMedium.EnglishMedium;
        }
    }

    /// <summary>Each successor gets two predecessors from its authority, closed the day before it opened.</summary>
    private static void LinkAmalgamations(List<GenSchool> schools)
    {
        foreach (var byLa in schools.GroupBy(s => s.LaCode))
        {
            var predecessors = new Queue<GenSchool>(byLa.Where(s => s.Origin == SchoolOrigin.Predecessor));
            foreach (var successor in byLa.Where(s => s.Origin == SchoolOrigin.Successor))
            {
                for (var k = 0; k < 2 && predecessors.Count > 0; k++)
                {
                    var p = predecessors.Dequeue();
                    p.CloseDate = successor.OpenDate.AddDays(-1);
                    p.Successor = successor.Index;
                    successor.Predecessors.Add(p.Index);
                }
            }
        }
    }

    private const int MaxEstablishment = 9999;

    /// <summary>
    /// An authority has at most 9,999 establishment numbers. Only at scales near 100 would the largest authorities
    /// need more; their surplus established primaries move to the authorities with most room, flattening sizes a little.
    /// </summary>
    private static void CapAuthorities(List<Slot> slots, int authorityCount)
    {
        const int cap = MaxEstablishment - 100;
        var counts = new int[authorityCount];
        foreach (var s in slots) counts[s.La]++;
        for (var i = slots.Count - 1; i >= 0; i--)
        {
            var s = slots[i];
            if (counts[s.La] <= cap || s.Sector != SchoolSector.Primary || s.Kind != SchoolOrigin.Established) continue;
            var target = Array.IndexOf(counts, counts.Min());
            counts[s.La]--;
            counts[target]++;
            slots[i] = s with { La = target };
        }
        if (counts.Max() > MaxEstablishment)
            throw new InvalidOperationException("Scale too large: an authority would need more than 9,999 establishment numbers.");
    }

    /// <summary><paramref name="count"/> distinct sorted integers from [low, high).</summary>
    private static int[] DistinctSorted(Random random, int low, int high, int count)
    {
        // Floyd's algorithm: count draws, no rejection loop growth.
        var chosen = new HashSet<int>();
        for (var j = high - low - count; j < high - low; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        var result = chosen.Select(v => v + low).ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Largest-remainder apportionment of <paramref name="total"/> by <paramref name="weights"/>.</summary>
    public static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var remaining = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(remaining))
            counts[i]++;
        return counts;
    }
}
