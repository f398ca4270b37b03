using SefData.Domain;

namespace SefData.Api.GraphQL.Core;

/// <summary>The dated series whose gaps the API reports as typed reasons rather than empty lists.</summary>
public enum DataSeries { Categorisation, EstynGrades }

public enum SeriesUnavailableReason
{
    /// <summary>The series had not started in that year.</summary>
    NotStarted,
    /// <summary>Suspended that year (categorisation 2020/21).</summary>
    Suspended,
    /// <summary>The series ended before that year.</summary>
    Ended,
}

/// <summary>Returned (in a union) instead of an empty list when a year has no series at all.</summary>
public sealed record SeriesUnavailable(DataSeries Series, SeriesUnavailableReason Reason, string Message);

/// <summary>
/// When the national series exist (DOMAIN.md 3(a), 3(b)): categorisation 2014/15 to 2019/20, suspended 2020/21,
/// ended (announced June 2022) so nothing from 2021/22; Estyn summative grades until early 2022, none from 2022/23.
/// </summary>
public static class SeriesRules
{
    public const string EstynUngradedFromYear = "2022/23";

    /// <summary>Null when categorisation exists for <paramref name="yearCode"/>.</summary>
    public static SeriesUnavailable? Categorisation(string yearCode)
    {
        var y = AcademicYears.StartYear(yearCode);
        if (y < AcademicYears.StartYear(CategorisationResult.FirstYear))
            return new(DataSeries.Categorisation, SeriesUnavailableReason.NotStarted,
                $"National categorisation began in {CategorisationResult.FirstYear}; there is none for {yearCode}.");
        if (y == AcademicYears.StartYear(CategorisationResult.LastYear) + 1)
            return new(DataSeries.Categorisation, SeriesUnavailableReason.Suspended,
                $"National categorisation was suspended for {yearCode} (announced 6 July 2020); nothing was published in January 2021.");
        if (y > AcademicYears.StartYear(CategorisationResult.LastYear) + 1)
            return new(DataSeries.Categorisation, SeriesUnavailableReason.Ended,
                $"National categorisation ended after {CategorisationResult.LastYear} (announced 27 June 2022); there is none for {yearCode}.");
        return null;
    }

    /// <summary>Null when Estyn gave summative grades in <paramref name="yearCode"/>.</summary>
    public static SeriesUnavailable? EstynGrades(string yearCode) =>
        AcademicYears.StartYear(yearCode) >= AcademicYears.StartYear(EstynUngradedFromYear)
            ? new(DataSeries.EstynGrades, SeriesUnavailableReason.Ended,
                $"Estyn stopped giving summative grades in early 2022; inspections in {yearCode} have no grades.")
            : null;
}
