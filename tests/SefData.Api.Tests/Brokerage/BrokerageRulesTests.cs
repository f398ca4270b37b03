using SefData.Domain;

namespace SefData.Api.Tests.Brokerage;

/// <summary>The pure brokerage rules of SefData.Domain (no host): lifecycle order, colours, cap, focus matching.</summary>
public sealed class BrokerageRulesTests
{
    private static readonly BrokerageStatus[] All = Enum.GetValues<BrokerageStatus>();

    [Fact]
    public void Lifecycle_is_propose_agree_start_review_close_and_open_ones_can_be_cancelled()
    {
        var legal = new HashSet<(BrokerageStatus, BrokerageStatus)>
        {
            (BrokerageStatus.Proposed, BrokerageStatus.Agreed), (BrokerageStatus.Agreed, BrokerageStatus.Active),
            (BrokerageStatus.Active, BrokerageStatus.Completed), (BrokerageStatus.Proposed, BrokerageStatus.Cancelled),
            (BrokerageStatus.Agreed, BrokerageStatus.Cancelled), (BrokerageStatus.Active, BrokerageStatus.Cancelled),
        };
        foreach (var from in All)
            foreach (var to in All)
            {
                var v = BrokerageRules.Move(from, to);
                Assert.True(legal.Contains((from, to)) == (v is null), $"{from} -> {to}");
                if (v is not null) Assert.Equal(RuleCodes.BrokerageStatusTransition, v.Code);
            }
        // A review is the only ACTIVE -> ACTIVE move, and only from ACTIVE.
        Assert.All(All, s => Assert.Equal(s == BrokerageStatus.Active, BrokerageRules.Move(s, BrokerageStatus.Active, review: true) is null));
    }

    [Fact]
    public void Colours_and_cap_have_stable_public_codes()
    {
        Assert.Equal("BROKERAGE_PROVIDER_COLOUR", BrokerageRules.Provider(SupportColour.Amber, "2018/19")!.Code);
        Assert.Equal("BROKERAGE_PROVIDER_COLOUR", BrokerageRules.Provider(null, "2018/19")!.Code);
        Assert.Null(BrokerageRules.Provider(SupportColour.Yellow, "2018/19"));
        Assert.Equal("BROKERAGE_RECIPIENT_COLOUR", BrokerageRules.Recipient(SupportColour.Green, "2018/19")!.Code);
        Assert.Null(BrokerageRules.Recipient(SupportColour.Red, "2018/19"));
        Assert.Null(BrokerageRules.Load(2, 3));
        Assert.Equal("BROKERAGE_LOAD_CAP", BrokerageRules.Load(3, 3)!.Code);
        Assert.Equal("BROKERAGE_STATUS_TRANSITION", RuleCodes.BrokerageStatusTransition);
    }

    [Theory]
    [InlineData("Literacy and leadership", "Leaders of learning", true)]  // 6-letter stem of "leadership"
    [InlineData("Literacy and leadership", "Early literacy", true)]
    [InlineData("Numeracy", "Early literacy", false)]
    [InlineData("with the and", "Working with the community", false)] // stop words and short words never match
    public void Focus_matching_uses_words_and_stems(string focus, string text, bool matches) =>
        Assert.Equal(matches, BrokerageRanking.Matches(BrokerageRanking.FocusPatterns(focus), text));
}
