using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Recording;

/// <summary>
/// Domain errors of the mutations whose other tests only cover them in passing: each bad call must answer with the
/// typed error and leave the stored row exactly as it was (read back with a fresh context, not from the response).
/// </summary>
public abstract class MutationDomainErrorTests(ApiHost host)
{
    private const string BrokerageFields = "brokerage { id status version } " + Errors;
    private const string CategorisationFields = "categorisation { id stage supportColour version } " + Errors;

    private static string Mutation(string name, string input, string fields) =>
        $"mutation($i: {input}!) {{ {name}(input: $i) {{ {fields} }} }}";

    /// <summary>Everything the brokerage mutations can change, read straight from the table.</summary>
    private static Task<object> BrokerageRowAsync(SefDataDbContext db, int id) =>
        db.SupportBrokerages.AsNoTracking().Where(b => b.Id == id)
            .Select(b => (object)new { b.Status, b.Version, b.Outcome, b.StartDate, b.EndDate, b.Focus, b.PlannedDays }).SingleAsync(Ct);

    private static Task<SupportBrokerage> SeededAsync(SefDataDbContext db, BrokerageStatus status) =>
        db.SupportBrokerages.AsNoTracking().Where(b => b.Status == status).OrderBy(b => b.Id).FirstAsync(Ct);

    /// <summary>
    /// Setup through the API (the demo data has only finished brokerages): one PROPOSED and one ACTIVE brokerage from a
    /// green school of 2018/19 with nothing open.
    /// </summary>
    private static async Task<(SupportBrokerage Proposed, SupportBrokerage Active)> OpenBrokeragesAsync(WritableApiHost copy, SefDataDbContext db)
    {
        const string year = "2018/19";
        var provider = await db.CategorisationResults.Where(c => c.YearCode == year && c.SupportColour == SupportColour.Green
                && !db.SupportBrokerages.Any(x => x.ProviderSchoolId == c.SchoolId && (x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active)))
            .OrderBy(c => c.SchoolId).Select(c => c.School!.SchoolNumber).FirstAsync(Ct);
        var recipients = await db.CategorisationResults.Where(c => c.YearCode == year && c.SupportColour == SupportColour.Amber)
            .OrderBy(c => c.SchoolId).Select(c => c.School!.SchoolNumber).Take(2).ToListAsync(Ct);
        var ids = new List<int>();
        foreach (var recipient in recipients)
        {
            using var x = await copy.PostGraphQLAsync(Mutation("proposeBrokerage", "ProposeBrokerageInput", BrokerageFields),
                new { i = new { provider, recipient, year, focus = "Assessment for learning", startDate = "2019-02-04", plannedDays = 5m } });
            var id = Ok(x, "proposeBrokerage", "brokerage").GetProperty("id").GetString()!;
            ids.Add(int.Parse(SefData.Api.GraphQL.Core.NodeId.KeyOf(id, "SupportBrokerage"), System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (name, input) in new[] { ("agreeBrokerage", "BrokerageVersionInput"), ("startBrokerage", "StartBrokerageInput") })
        {
            var version = await db.SupportBrokerages.AsNoTracking().Where(b => b.Id == ids[1]).Select(b => b.Version).SingleAsync(Ct);
            using var x = await copy.PostGraphQLAsync(Mutation(name, input, BrokerageFields), new { i = new { id = Id("SupportBrokerage", ids[1]), version } });
            Ok(x, name, "brokerage");
        }
        var proposed = await db.SupportBrokerages.AsNoTracking().SingleAsync(b => b.Id == ids[0], Ct);
        var active = await db.SupportBrokerages.AsNoTracking().SingleAsync(b => b.Id == ids[1], Ct);
        Assert.Equal((BrokerageStatus.Proposed, BrokerageStatus.Active), (proposed.Status, active.Status));
        return (proposed, active);
    }

    [Fact]
    public async Task Brokerage_moves_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var (proposed, active) = await OpenBrokeragesAsync(copy, db);
        var completed = await SeededAsync(db, BrokerageStatus.Completed);
        var cancelled = await SeededAsync(db, BrokerageStatus.Cancelled);
        var all = new[] { proposed, active, completed, cancelled };
        var before = new Dictionary<int, object>();
        foreach (var b in all) before[b.Id] = await BrokerageRowAsync(db, b.Id);
        var count = await db.SupportBrokerages.CountAsync(Ct);
        static string Gid(SupportBrokerage b) => Id("SupportBrokerage", b.Id);

        var agree = Mutation("agreeBrokerage", "BrokerageVersionInput", BrokerageFields);
        var start = Mutation("startBrokerage", "StartBrokerageInput", BrokerageFields);
        var review = Mutation("reviewBrokerage", "ReviewBrokerageInput", BrokerageFields);
        var close = Mutation("closeBrokerage", "CloseBrokerageInput", BrokerageFields);
        const string transition = "DomainRuleError:BROKERAGE_STATUS_TRANSITION";
        var cases = new (string Query, string Name, object Input, string Error)[]
        {
            (agree, "agreeBrokerage", new { id = Gid(active), version = active.Version }, transition),
            (agree, "agreeBrokerage", new { id = Gid(cancelled), version = cancelled.Version }, transition),
            (agree, "agreeBrokerage", new { id = Gid(proposed), version = proposed.Version + 1 }, "ConcurrencyError"),
            (agree, "agreeBrokerage", new { id = Id("Barrier", proposed.Id), version = proposed.Version }, "ValidationError:INVALID_ID"),
            (start, "startBrokerage", new { id = Gid(proposed), version = proposed.Version }, transition),
            (start, "startBrokerage", new { id = Gid(completed), version = completed.Version }, transition),
            (review, "reviewBrokerage", new { id = Gid(proposed), version = proposed.Version, note = "Too soon" }, transition),
            (review, "reviewBrokerage", new { id = Gid(completed), version = completed.Version, note = "After the end" }, transition),
            (review, "reviewBrokerage", new { id = Gid(active), version = active.Version - 1, note = "Stale" }, "ConcurrencyError"),
            (close, "closeBrokerage", new { id = Gid(completed), version = completed.Version, outcome = "CANCELLED", endDate = "2019-07-01" }, transition),
            (close, "closeBrokerage", new { id = Gid(proposed), version = proposed.Version, outcome = "COMPLETED", endDate = "2019-07-01" }, transition),
            (close, "closeBrokerage", new { id = Gid(active), version = active.Version + 5, outcome = "COMPLETED", endDate = "2019-07-01" }, "ConcurrencyError"),
            // An end before the start is not a brokerage that happened.
            (close, "closeBrokerage", new { id = Gid(active), version = active.Version, outcome = "COMPLETED",
                endDate = active.StartDate.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "DomainRuleError:DATE_RANGE"),
        };
        foreach (var (query, name, input, error) in cases)
        {
            using var x = await copy.PostGraphQLAsync(query, new { i = input });
            Fails(x, name, "brokerage", error);
        }

        Assert.Equal(count, await db.SupportBrokerages.CountAsync(Ct));
        foreach (var b in all) Assert.Equal(before[b.Id], await BrokerageRowAsync(db, b.Id));
    }

    [Fact]
    public async Task Categorisation_edits_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var published = await db.CategorisationResults.AsNoTracking().Where(c => c.Stage == CategorisationStage.Published && c.SupportColour != SupportColour.Red)
            .OrderBy(c => c.Id).FirstAsync(Ct);
        Task<object> RowAsync() => db.CategorisationResults.AsNoTracking().Where(c => c.Id == published.Id)
            .Select(c => (object)new { c.Stage, c.SupportColour, c.ImprovementCapacity, c.StandardsGroup, c.PublishedDate, c.Version }).SingleAsync(Ct);
        var before = await RowAsync();
        var count = await db.CategorisationResults.CountAsync(Ct);
        var id = Id("CategorisationResult", published.Id);

        var update = Mutation("updateCategorisationDraft", "UpdateCategorisationDraftInput", CategorisationFields);
        var move = Mutation("moveCategorisationStage", "MoveCategorisationStageInput", CategorisationFields);
        var cases = new (string Query, string Name, object Input, string Error)[]
        {
            (update, "updateCategorisationDraft", new { id, version = published.Version, supportColour = "RED" }, "DomainRuleError:CATEGORISATION_NOT_DRAFT"),
            (update, "updateCategorisationDraft", new { id, version = published.Version + 1, supportColour = "RED" }, "ConcurrencyError"),
            (move, "moveCategorisationStage", new { id, version = published.Version, stage = "DRAFT" }, "DomainRuleError:CATEGORISATION_STAGE_BACKWARDS"),
            (move, "moveCategorisationStage", new { id, version = published.Version - 1, stage = "PUBLISHED" }, "ConcurrencyError"),
            (move, "moveCategorisationStage", new { id = Id("Barrier", published.Id), version = published.Version, stage = "AGREED" }, "ValidationError:INVALID_ID"),
        };
        foreach (var (query, name, input, error) in cases)
        {
            using var x = await copy.PostGraphQLAsync(query, new { i = input });
            Fails(x, name, "categorisation", error);
        }

        Assert.Equal(count, await db.CategorisationResults.CountAsync(Ct));
        Assert.Equal(before, await RowAsync());
    }

    [Fact]
    public async Task Out_of_range_numbers_are_typed_errors_and_write_nothing()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var counts = async () => (await db.MeasureValues.CountAsync(Ct), await db.CategorisationResults.CountAsync(Ct), await db.SupportBrokerages.CountAsync(Ct));
        var before = await counts();

        // A negative cohort for a value slot that is free, so only the number is wrong.
        var free = await db.Schools.Where(s => !db.MeasureValues.Any(v => v.SchoolId == s.Id)).OrderBy(s => s.Id).Select(s => s.SchoolNumber).FirstAsync(Ct);
        var measure = await db.MeasureValues.Where(v => v.Subject == MeasureSubject.School).OrderBy(v => v.Id).Select(v => new { v.MeasureCode, v.YearCode }).FirstAsync(Ct);
        using (var x = await copy.PostGraphQLAsync($"mutation($i: RecordSchoolMeasureValueInput!) {{ recordSchoolMeasureValue(input: $i) {{ measureValue {{ value }} {Errors} }} }}",
                   new { i = new { school = free, measure = measure.MeasureCode, year = measure.YearCode, value = 40.0m, cohortSize = -3 } }))
            Fails(x, "recordSchoolMeasureValue", "measureValue", "DomainRuleError:NEGATIVE_NUMBER");

        // Standards groups run 1-4 (2016/17 still had them); the school has no result that year.
        const string year = "2016/17";
        var uncategorised = await db.Schools.Where(s => !db.CategorisationResults.Any(c => c.SchoolId == s.Id && c.YearCode == year)).OrderBy(s => s.Id).Select(s => s.SchoolNumber).FirstAsync(Ct);
        using (var x = await copy.PostGraphQLAsync($"mutation($i: RecordCategorisationInput!) {{ recordCategorisation(input: $i) {{ {CategorisationFields} }} }}",
                   new { i = new { school = uncategorised, year, standardsGroup = 7, supportColour = "YELLOW" } }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:STANDARDS_GROUP_RANGE");

        // Negative planned days on an otherwise acceptable proposal.
        const string brokerageYear = "2018/19";
        var provider = await db.CategorisationResults.Where(c => c.YearCode == brokerageYear && c.SupportColour == SupportColour.Green).OrderBy(c => c.SchoolId).Select(c => c.School!.SchoolNumber).FirstAsync(Ct);
        var recipient = await db.CategorisationResults.Where(c => c.YearCode == brokerageYear && c.SupportColour == SupportColour.Red).OrderBy(c => c.SchoolId).Select(c => c.School!.SchoolNumber).FirstAsync(Ct);
        using (var x = await copy.PostGraphQLAsync(Mutation("proposeBrokerage", "ProposeBrokerageInput", BrokerageFields),
                   new { i = new { provider, recipient, year = brokerageYear, focus = "Numeracy", startDate = "2019-02-04", plannedDays = -1.5m } }))
            Fails(x, "proposeBrokerage", "brokerage", "DomainRuleError:NEGATIVE_NUMBER");

        Assert.Equal(before, await counts());
    }
}

public sealed class MutationDomainErrorTestsSqlite(SqliteApiHost host) : MutationDomainErrorTests(host);
public sealed class MutationDomainErrorTestsPostgres(PostgresApiHost host) : MutationDomainErrorTests(host);
