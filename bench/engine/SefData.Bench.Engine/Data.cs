namespace SefData.Bench.Engine;

// Plain CLR objects, as a C# server's resolvers would return them; the same values bench.mjs builds.
public sealed record Authority(string Code, string Name, IReadOnlyList<School> Schools);

public sealed record School(string Number, string Name, string Sector, int Pupils, double? Efsm, string? Colour, bool Inspected);

public sealed record Root(IReadOnlyList<Authority> Authorities);

public static class BenchData
{
    public static Root Create()
    {
        string[] sectors = ["PRIMARY", "SECONDARY", "SPECIAL"];
        string?[] colours = ["GREEN", "YELLOW", "AMBER", "RED", null];
        var authorities = new List<Authority>(20);
        for (var a = 0; a < 20; a++)
        {
            var schools = new List<School>(50);
            for (var s = 0; s < 50; s++)
            {
                var i = a * 50 + s;
                schools.Add(new School(
                    Number: (660 + a).ToString() + (2000 + s).ToString("D4"),
                    Name: $"School {i}",
                    Sector: sectors[i % 3],
                    Pupils: 100 + (i * 37) % 900,
                    Efsm: i % 7 == 0 ? null : (i * 13 % 400) / 10.0,
                    Colour: colours[i % 5],
                    Inspected: i % 2 == 0));
            }
            authorities.Add(new Authority((660 + a).ToString(), $"Authority {a}", schools));
        }
        return new Root(authorities);
    }
}
