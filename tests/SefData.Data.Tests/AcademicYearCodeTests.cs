using SefData.Domain;

namespace SefData.Data.Tests;

/// <summary>The pure academic-year rule (no database): the same function the write path uses.</summary>
public class AcademicYearCodeTests
{
    [Theory]
    [InlineData("2014/15", 2014)]
    [InlineData("1999/00", 1999)]
    [InlineData("2008/09", 2008)]
    public void Valid_codes_parse_to_their_start_year(string code, int start)
    {
        Assert.True(AcademicYears.TryParse(code, out var y));
        Assert.Equal(start, y);
        Assert.Equal(code, AcademicYears.Format(start));
    }

    [Theory]
    [InlineData("2014/16")]
    [InlineData("2014-15")]
    [InlineData("14/15")]
    [InlineData("2014/1")]
    [InlineData("1999/01")]
    [InlineData(" 2014/15")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_codes_are_refused(string? code) => Assert.False(AcademicYears.TryParse(code, out _));
}
