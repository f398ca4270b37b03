using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Data;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Recording;

/// <summary>An input value that cannot be used (unknown school, malformed id); becomes a ValidationError.</summary>
public sealed class InputException(string code, string message, string field) : Exception(message)
{
    public ValidationError Error { get; } = new(code, message, field);
}

/// <summary>The client's version is not the stored one (detected before saving).</summary>
public sealed class StaleVersionException(int expected, int actual) : Exception("stale version")
{
    public int Expected { get; } = expected;
    public int Actual { get; } = actual;
}

/// <summary>
/// The mutation convention in one place: the work runs on a context of its own and saves once (one transaction, so
/// nothing is written when any rule fails); rule, input and concurrency failures become typed payload errors.
/// </summary>
public static class Mutations
{
    public const string UnknownCode = "NOT_FOUND";
    public const string InvalidIdCode = "INVALID_ID";

    /// <summary>Declares <c>{name}Input</c>'s payload <c>{name}Payload { resultField: resultType, errors }</c> and the error union.</summary>
    public static SchemaBuilder Payload(this SchemaBuilder b, string name, string resultField, string resultType, string description)
    {
        b.PayloadErrors(name, "DomainRuleError", "ValidationError", "ConcurrencyError");
        return b.Object(name + "Payload", t => t
            .Description(description)
            .Field(resultField, resultType, f => f.Description("The object as saved; null when there are errors."))
            .Field("errors", $"[{name}Error!]", f => f.Description("Why nothing was written; null on success.")));
    }

    public static async Task<Dictionary<string, object?>> RunAsync(IResolverContext ctx, string resultField,
        Func<SefDataDbContext, CancellationToken, Task<object?>> work)
    {
        var ct = ctx.CancellationToken;
        IReadOnlyList<IPayloadError> errors;
        try
        {
            var result = await ctx.DbScope().RunAsync(db => work(db, ct));
            return new() { [resultField] = result, ["errors"] = null };
        }
        catch (DomainRuleException e) { errors = DomainRuleError.From(e); }
        catch (InputException e) { errors = [e.Error]; }
        catch (StaleVersionException e)
        {
            errors = [new ConcurrencyError($"The object is at version {e.Actual}; the update was made against version {e.Expected}. Re-read and retry.", e.Expected, e.Actual)];
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write.
            errors = [new ConcurrencyError("The object was changed by someone else while saving. Re-read and retry.", null, null)];
        }
        return new() { [resultField] = null, ["errors"] = errors };
    }

    public static Dictionary<string, object?> Input(IResolverContext ctx) => (Dictionary<string, object?>)ctx.Arguments["input"]!;

    public static T? Opt<T>(this Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var v) && v is not null ? ValueConverter.Convert<T>(v) : default;

    public static T Req<T>(this Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var v) && v is not null ? ValueConverter.Convert<T>(v)! : throw new InputException(RuleCodes.Required, $"{name} is required.", name);

    public static bool Has(this Dictionary<string, object?> input, string name) => input.ContainsKey(name);

    /// <summary>Applies the client's version: a different stored version is a conflict; a race is caught by the concurrency token.</summary>
    public static void CheckVersion<T>(SefDataDbContext db, T entity, int clientVersion) where T : class, IVersioned
    {
        if (entity.Version != clientVersion) throw new StaleVersionException(clientVersion, entity.Version);
        db.Entry(entity).Property(e => e.Version).OriginalValue = clientVersion;
    }

    /// <summary>Integer key of a node id of <paramref name="type"/>; a malformed or foreign id is a ValidationError.</summary>
    public static int IntKey(string id, string type, string field)
    {
        if (NodeId.TryDecode(id, out var t, out var key) && t == type
            && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var k)) return k;
        throw new InputException(InvalidIdCode, $"'{id}' is not the id of a {type}.", field);
    }

    /// <summary>A school given by its 7-digit number or its node id.</summary>
    public static async Task<School> SchoolAsync(SefDataDbContext db, string reference, string field, CancellationToken ct, bool track = false)
    {
        var number = SchoolNumberOf(reference)
            ?? throw new InputException(InvalidIdCode, $"'{reference}' is neither a school number nor a School id.", field);
        var q = track ? db.Schools.AsTracking() : db.Schools;
        return await q.FirstOrDefaultAsync(s => s.SchoolNumber == number, ct)
            ?? throw new InputException(UnknownCode, $"No school {number}.", field);
    }

    public static string? SchoolNumberOf(string reference) =>
        Check.IsDigits(reference, 7) ? reference
        : NodeId.TryDecode(reference, out var t, out var key) && t == "School" ? key : null;

    public static T Found<T>(T? value, string what, string field) where T : class =>
        value ?? throw new InputException(UnknownCode, $"No {what} with that id.", field);
}
