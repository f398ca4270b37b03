namespace SefData.Data.Seeding.Generation;

/// <summary>
/// Statistical shape of one local authority for synthetic data: relative size (approximate count of maintained
/// schools around 2015), share of Welsh-medium primaries and typical eFSM level. Keyed by the three-digit LA code
/// used in school numbers; the authorities themselves come from the migrated reference data.
/// These are rounded, approximate figures chosen to make the demo look like Wales, not statistics to quote.
/// </summary>
public sealed record LaShape(string LaCode, string NameEn, int Schools, double WelshMediumPrimaryShare, double EfsmPercent, double AllAgeWeight);

public static class WalesProfile
{
    public static readonly IReadOnlyList<LaShape> Authorities =
    [
        new("660", "Isle of Anglesey", 50, 0.72, 16, 0.5),
        new("661", "Gwynedd", 100, 0.93, 14, 2.5),
        new("662", "Conwy", 64, 0.33, 16, 0.5),
        new("663", "Denbighshire", 56, 0.28, 19, 1.5),
        new("664", "Flintshire", 78, 0.07, 15, 0.2),
        new("665", "Wrexham", 68, 0.11, 17, 0.2),
        new("666", "Powys", 100, 0.18, 12, 2.0),
        new("667", "Ceredigion", 56, 0.62, 11, 3.0),
        new("668", "Pembrokeshire", 64, 0.22, 16, 1.5),
        new("669", "Carmarthenshire", 115, 0.52, 16, 1.0),
        new("670", "Swansea", 94, 0.12, 19, 0.3),
        new("671", "Neath Port Talbot", 72, 0.16, 21, 0.8),
        new("672", "Bridgend", 62, 0.10, 18, 0.3),
        new("673", "Vale of Glamorgan", 56, 0.12, 15, 0.2),
        new("674", "Rhondda Cynon Taf", 118, 0.17, 23, 1.0),
        new("675", "Merthyr Tydfil", 28, 0.08, 25, 0.5),
        new("676", "Caerphilly", 88, 0.14, 21, 0.3),
        new("677", "Blaenau Gwent", 26, 0.05, 26, 1.5),
        new("678", "Torfaen", 34, 0.07, 22, 0.2),
        new("679", "Monmouthshire", 36, 0.05, 10, 0.5),
        new("680", "Newport", 56, 0.06, 22, 0.2),
        new("681", "Cardiff", 122, 0.14, 20, 0.2),
    ];

    /// <summary>Open-school totals per sector at scale 1 (roughly Wales in the mid-2010s).</summary>
    public static readonly IReadOnlyDictionary<SchoolSector, int> SectorTotals = new Dictionary<SchoolSector, int>
    {
        [SchoolSector.Primary] = 1250,
        [SchoolSector.Secondary] = 180,
        [SchoolSector.Middle] = 20,
        [SchoolSector.Special] = 40,
        [SchoolSector.Pru] = 25,
        [SchoolSector.Nursery] = 10,
    };

    /// <summary>Amalgamations at scale 1: each closes two primaries and opens one successor with a new number.</summary>
    public const int AmalgamationsAtScale1 = 20;

    /// <summary>Straight closures (no successor) at scale 1.</summary>
    public const int ClosuresAtScale1 = 8;

    /// <summary>
    /// Welsh LA codes sit in 660-681 [K]; when the reference data uses other codes the generator falls back to
    /// matching on the English name.
    /// </summary>
    public static LaShape? Find(string laCode, string nameEn)
    {
        foreach (var shape in Authorities)
            if (shape.LaCode == laCode) return shape;
        var key = Normalise(nameEn);
        foreach (var shape in Authorities)
            if (Normalise(shape.NameEn) == key) return shape;
        return null;
    }

    private static string Normalise(string name) =>
        new(name.ToLowerInvariant().Replace("isle of ", "").Replace("county borough", "").Replace("city and county of ", "")
            .Where(char.IsLetter).ToArray());
}
