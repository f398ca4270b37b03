namespace SefData.Data.Seeding.Generation;

/// <summary>Fictional but plausible Welsh place-style names and bilingual school names.</summary>
public static class Names
{
    // Common Welsh place-name elements; the combinations are invented and need not exist.
    private static readonly string[] Heads =
    [
        "Bryn", "Cwm", "Pen", "Llan", "Pont", "Maes", "Coed", "Glan", "Tre", "Aber", "Cae", "Nant", "Rhos", "Bro",
        "Ynys", "Dyffryn", "Pant", "Gwaun", "Tal", "Llwyn", "Blaen", "Carreg", "Ffordd", "Gelli", "Hafod", "Dôl",
        "Castell", "Porth", "Rhyd", "Tir",
    ];

    private static readonly string[] Tails =
    [
        "Glas", "Teg", "Gwyn", "Du", "Mawr", "Bach", "Coch", "Uchaf", "Isaf", "yr Haf", "Derw", "Onnen", "Celyn",
        "Eithin", "Hir", "Newydd", "Melyn", "Deri", "Helyg", "Aur", "Llwyd", "y Wawr", "Tawe", "Dewi", "Gwenllian",
        "Menai", "Hyfryd", "Garth", "Ifor", "Eirwg",
    ];

    private static readonly (string En, string Cy)[] Saints =
    [
        ("St Teilo's", "Sant Teilo"), ("St David's", "Dewi Sant"), ("St Illtud's", "Sant Illtud"), ("St Cadoc's", "Sant Cadog"),
        ("St Mary's", "y Santes Fair"), ("St Joseph's", "Sant Joseff"), ("St Woolos", "Sant Gwynllyw"), ("St Gwladys", "Santes Gwladys"),
        ("St Brigid's", "Santes Ffraid"), ("St Helen's", "Santes Elen"), ("St Andrew's", "Sant Andreas"), ("St Patrick's", "Sant Padrig"),
        ("St Alban's", "Sant Alban"), ("St Peter's", "Sant Pedr"), ("St Asaph's", "Sant Asaff"), ("St Dyfrig's", "Sant Dyfrig"),
    ];

    public static string Place(Random random) => $"{random.Pick(Heads)} {random.Pick(Tails)}";

    public static (string En, string Cy) School(Random random, SchoolSector sector, LanguageMedium language, Faith faith, bool infantOrJunior, bool infant)
    {
        var welsh = language is LanguageMedium.WelshMedium or LanguageMedium.BilingualA;
        if (faith != Faith.None)
        {
            var (saintEn, saintCy) = random.Pick(Saints);
            var rc = faith == Faith.RomanCatholic;
            return sector switch
            {
                SchoolSector.Secondary or SchoolSector.Middle => rc
                    ? ($"{saintEn} Catholic High School", $"Ysgol Uwchradd Gatholig {saintCy}")
                    : ($"{saintEn} Church in Wales High School", $"Ysgol Uwchradd yr Eglwys yng Nghymru {saintCy}"),
                _ => rc
                    ? ($"{saintEn} Catholic Primary School", $"Ysgol Gynradd Gatholig {saintCy}")
                    : ($"{saintEn} Church in Wales Primary School", $"Ysgol Gynradd yr Eglwys yng Nghymru {saintCy}"),
            };
        }

        var place = Place(random);
        return sector switch
        {
            SchoolSector.Nursery => ($"{place} Nursery School", $"Ysgol Feithrin {place}"),
            SchoolSector.Primary when welsh => ($"Ysgol Gymraeg {place}", $"Ysgol Gymraeg {place}"),
            SchoolSector.Primary when infantOrJunior && infant => ($"{place} Infant School", $"Ysgol Fabanod {place}"),
            SchoolSector.Primary when infantOrJunior => ($"{place} Junior School", $"Ysgol Iau {place}"),
            SchoolSector.Primary => ($"{place} Primary School", $"Ysgol Gynradd {place}"),
            SchoolSector.Middle => ($"Ysgol {place}", $"Ysgol {place}"),
            SchoolSector.Secondary when welsh => ($"Ysgol Gyfun Gymraeg {place}", $"Ysgol Gyfun Gymraeg {place}"),
            SchoolSector.Secondary when language is LanguageMedium.BilingualB or LanguageMedium.BilingualC or LanguageMedium.BilingualCh
                => ($"Ysgol Uwchradd {place}", $"Ysgol Uwchradd {place}"),
            SchoolSector.Secondary => (random.Chance(0.5) ? $"{place} High School" : $"{place} Comprehensive School", $"Ysgol Uwchradd {place}"),
            SchoolSector.Special => ($"{place} Special School", $"Ysgol Arbennig {place}"),
            _ => ($"{place} Pupil Referral Unit", $"Uned Cyfeirio Disgyblion {place}"),
        };
    }

    private static readonly string[] FirstNames =
    [
        "Siân", "Rhian", "Gareth", "Dafydd", "Eleri", "Huw", "Catrin", "Ffion", "Rhodri", "Ceri", "Bethan", "Gwyn",
        "Nia", "Aled", "Mererid", "Iwan", "Lowri", "Emyr", "Owain", "Angharad", "Rhys", "Carys", "Geraint", "Menna",
        "Helen", "David", "Sarah", "Mark", "Claire", "Paul", "Rachel", "Andrew", "Karen", "Jonathan", "Emma", "Stephen",
        "Julie", "Richard", "Alison", "Neil", "Kate", "Simon", "Joanne", "Martin", "Louise", "Ian", "Nicola", "Hywel",
    ];

    private static readonly string[] Surnames =
    [
        "Jones", "Davies", "Williams", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Edwards",
        "Owen", "Price", "Rees", "Powell", "Jenkins", "Pritchard", "Bowen", "Lloyd", "Parry", "James", "Phillips",
        "Morris", "Harris", "Howells", "Watkins", "Vaughan", "Prosser", "Meredith", "Pugh", "Gwilym", "Rowlands",
        "Humphreys", "Bevan", "Llewellyn", "Probert", "Walters", "Hopkins", "Ellis", "Mathias",
    ];

    public static (string Given, string Family) Person(Random random) => (random.Pick(FirstNames), random.Pick(Surnames));
}
