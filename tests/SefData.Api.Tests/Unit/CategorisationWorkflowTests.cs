using System.Security.Claims;
using SefData.Api.GraphQL.Recording;
using SefData.Domain;

namespace SefData.Api.Tests.Unit;

/// <summary>The categorisation stage workflow as domain rules (no host): steps, moderation, dates, note, actor.</summary>
public sealed class CategorisationWorkflowTests
{
    private static readonly DateTime Now = new(2019, 11, 20, 10, 30, 0, DateTimeKind.Utc);
    private static readonly ChangeActor Adviser = new(7, null);

    private static CategorisationResult Result(CategorisationStage stage, SupportColour colour = SupportColour.Yellow) =>
        new() { Id = 3, SchoolId = 1, YearCode = "2019/20", Stage = stage, SupportColour = colour };

    private static IReadOnlyList<string> Codes(DomainRuleException e) => e.Violations.Select(v => v.Code).ToList();

    [Theory]
    [InlineData(CategorisationStage.Draft, CategorisationStage.Agreed, null)]
    [InlineData(CategorisationStage.Agreed, CategorisationStage.Moderated, null)]
    [InlineData(CategorisationStage.Moderated, CategorisationStage.Verified, null)]
    [InlineData(CategorisationStage.Verified, CategorisationStage.Published, null)]
    [InlineData(CategorisationStage.Draft, CategorisationStage.Verified, RuleCodes.StageSkip)]
    [InlineData(CategorisationStage.Agreed, CategorisationStage.Agreed, RuleCodes.StageSkip)]
    [InlineData(CategorisationStage.Moderated, CategorisationStage.Draft, RuleCodes.StageBackwards)]
    [InlineData(CategorisationStage.Published, CategorisationStage.Verified, RuleCodes.StageBackwards)]
    public void Stages_move_one_step_forward(CategorisationStage from, CategorisationStage to, string? code) =>
        Assert.Equal(code, CategorisationResult.NextStageRule(from, to)?.Code);

    [Fact]
    public void Public_codes_are_unchanged_for_clients()
    {
        Assert.Equal("CATEGORISATION_STAGE_SKIP", RuleCodes.StageSkip);
        Assert.Equal("CATEGORISATION_NOT_DRAFT", RuleCodes.NotDraft);
        Assert.Equal("MODERATION_ONLY", RuleCodes.ModerationOnly);
    }

    [Fact]
    public void Agreeing_records_the_step_the_agreed_colour_and_the_agreement_date()
    {
        var r = Result(CategorisationStage.Draft);
        var change = r.MoveStage(new StageMove(CategorisationStage.Agreed, Adviser, Now) { AgreedDate = new DateOnly(2019, 11, 18), Note = "Met head and chair of governors" });
        Assert.Equal(CategorisationStage.Agreed, r.Stage);
        Assert.Equal(new DateOnly(2019, 11, 18), r.AgreedDate);
        Assert.Same(change, Assert.Single(r.StageHistory));
        Assert.Equal((CategorisationStage.Draft, CategorisationStage.Agreed, (SupportColour?)null, SupportColour.Yellow, Now, 7, "Met head and chair of governors", 3),
            (change.FromStage!.Value, change.ToStage, change.ColourBefore, change.ColourAfter, change.ChangedAtUtc, change.ChangedByPersonId!.Value, change.Note, change.CategorisationResultId));
        Assert.Empty(change.Validate());
    }

    [Fact]
    public void Agreement_date_is_optional_and_cannot_be_in_the_future()
    {
        // Back-loaded results are agreed long before they are recorded: no date is invented.
        var r = Result(CategorisationStage.Draft);
        var change = r.MoveStage(new StageMove(CategorisationStage.Agreed, ChangeActor.Unknown, Now));
        Assert.Equal(((DateOnly?)null, Now), (r.AgreedDate, change.ChangedAtUtc));

        var later = Result(CategorisationStage.Draft);
        var e = Assert.Throws<DomainRuleException>(() => later.MoveStage(new StageMove(CategorisationStage.Agreed, Adviser, Now) { AgreedDate = new DateOnly(2019, 11, 21) }));
        Assert.Equal([RuleCodes.StageDate], Codes(e));
        Assert.Equal((CategorisationStage.Draft, (DateOnly?)null), (later.Stage, later.AgreedDate));
        Assert.Empty(later.StageHistory);
    }

    [Fact]
    public void Moderation_changes_the_colour_and_records_before_and_after()
    {
        var r = Result(CategorisationStage.Agreed, SupportColour.Green);
        var change = r.MoveStage(new StageMove(CategorisationStage.Moderated, Adviser, Now) { ModeratedColour = SupportColour.Yellow });
        Assert.Equal((SupportColour.Yellow, (SupportColour?)SupportColour.Green, SupportColour.Yellow), (r.SupportColour, change.ColourBefore, change.ColourAfter));

        // A moderation that confirms the colour records no "before".
        var confirmed = Result(CategorisationStage.Agreed, SupportColour.Amber).MoveStage(new StageMove(CategorisationStage.Moderated, Adviser, Now) { ModeratedColour = SupportColour.Amber });
        Assert.Equal(((SupportColour?)null, SupportColour.Amber), (confirmed.ColourBefore, confirmed.ColourAfter));
    }

    [Theory]
    [InlineData(CategorisationStage.Draft, CategorisationStage.Agreed)]
    [InlineData(CategorisationStage.Moderated, CategorisationStage.Verified)]
    public void Only_moderation_changes_the_colour(CategorisationStage from, CategorisationStage to)
    {
        var r = Result(from);
        var e = Assert.Throws<DomainRuleException>(() => r.MoveStage(new StageMove(to, Adviser, Now) { ModeratedColour = SupportColour.Red }));
        Assert.Equal([RuleCodes.ModerationOnly], Codes(e));
        Assert.Equal((from, SupportColour.Yellow), (r.Stage, r.SupportColour));
    }

    [Fact]
    public void Stage_dates_belong_to_their_own_stage_and_publication_needs_its_date()
    {
        var e = Assert.Throws<DomainRuleException>(() => Result(CategorisationStage.Agreed).MoveStage(
            new StageMove(CategorisationStage.Moderated, Adviser, Now) { AgreedDate = new DateOnly(2019, 11, 1), PublishedDate = new DateOnly(2020, 1, 29) }));
        Assert.Equal([RuleCodes.StageDate, RuleCodes.StageDate], Codes(e));
        var unpublished = Assert.Throws<DomainRuleException>(() => Result(CategorisationStage.Verified).MoveStage(new StageMove(CategorisationStage.Published, Adviser, Now)));
        Assert.Equal([RuleCodes.PublishedWithoutDate], Codes(unpublished));
        var r = Result(CategorisationStage.Verified);
        r.MoveStage(new StageMove(CategorisationStage.Published, Adviser, Now) { PublishedDate = new DateOnly(2020, 1, 29) });
        Assert.Equal((CategorisationStage.Published, (DateOnly?)new DateOnly(2020, 1, 29)), (r.Stage, r.PublishedDate));
    }

    [Fact]
    public void Note_length_and_entra_object_id_format_are_checked_and_all_violations_reported_together()
    {
        var tooLong = new string('n', CategorisationStageChange.NoteMaxLength + 1);
        var r = Result(CategorisationStage.Draft);
        var e = Assert.Throws<DomainRuleException>(() => r.MoveStage(new StageMove(CategorisationStage.Verified, new ChangeActor(null, "not-a-guid"), Now) { Note = tooLong }));
        Assert.Equal([RuleCodes.StageSkip, RuleCodes.TextTooLong, RuleCodes.EntraObjectIdFormat], Codes(e));
        Assert.Empty(r.StageHistory);

        var oid = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
        var ok = Result(CategorisationStage.Draft).MoveStage(new StageMove(CategorisationStage.Agreed, new ChangeActor(null, oid), Now)
            { Note = new string('n', CategorisationStageChange.NoteMaxLength) });
        Assert.Equal(oid, ok.ChangedByEntraObjectId);
    }

    [Fact]
    public void A_new_draft_starts_its_history_once()
    {
        var r = Result(CategorisationStage.Draft);
        var first = r.RecordDraft(Adviser, Now, "First judgement");
        Assert.Equal(((CategorisationStage?)null, CategorisationStage.Draft, SupportColour.Yellow), (first.FromStage, first.ToStage, first.ColourAfter));
        Assert.Empty(first.Validate());
        Assert.Equal(RuleCodes.StageSkip, Assert.Throws<DomainRuleException>(() => r.RecordDraft(Adviser, Now, null)).Code);
        Assert.Equal(RuleCodes.StageSkip, Assert.Throws<DomainRuleException>(() => Result(CategorisationStage.Agreed).RecordDraft(Adviser, Now, null)).Code);
    }

    [Fact]
    public void Local_times_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Result(CategorisationStage.Draft).MoveStage(
            new StageMove(CategorisationStage.Agreed, Adviser, DateTime.SpecifyKind(Now, DateTimeKind.Local))));
    }

    [Fact]
    public void A_history_row_must_be_a_real_step()
    {
        var skip = new CategorisationStageChange { FromStage = CategorisationStage.Draft, ToStage = CategorisationStage.Verified, ColourAfter = SupportColour.Red };
        Assert.Contains(skip.Validate(), v => v.Code == RuleCodes.StageSkip);
        var colourOutsideModeration = new CategorisationStageChange
        {
            FromStage = CategorisationStage.Moderated, ToStage = CategorisationStage.Verified, ColourBefore = SupportColour.Green, ColourAfter = SupportColour.Red,
        };
        Assert.Contains(colourOutsideModeration.Validate(), v => v.Code == RuleCodes.ModerationOnly);
    }

    [Fact]
    public void Result_rules_cover_evidence_length_and_agreement_before_publication()
    {
        var r = Result(CategorisationStage.Published);
        r.PublishedDate = new DateOnly(2020, 1, 29);
        r.AgreedDate = new DateOnly(2020, 2, 1);
        r.CapacityEvidence = new string('e', CategorisationResult.CapacityEvidenceMaxLength + 1);
        Assert.Equal([RuleCodes.TextTooLong, RuleCodes.DateRange], r.Validate().Select(v => v.Code).ToList());
        var draft = Result(CategorisationStage.Draft);
        draft.AgreedDate = new DateOnly(2019, 11, 1);
        Assert.Equal([RuleCodes.StageDate], draft.Validate().Select(v => v.Code).ToList());
    }

    [Fact]
    public void Entra_object_id_is_read_only_from_an_authenticated_user()
    {
        const string oid = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
        Assert.Null(SignedInUser.EntraObjectId((ClaimsPrincipal?)null));
        Assert.Null(SignedInUser.EntraObjectId(new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", oid)]))));
        Assert.Equal(oid, SignedInUser.EntraObjectId(new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", oid)], "Bearer"))));
        Assert.Equal(oid, SignedInUser.EntraObjectId(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("http://schemas.microsoft.com/identity/claims/objectidentifier", oid)], "Bearer"))));
    }
}
