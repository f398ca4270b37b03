using SefData.Domain;

namespace SefData.Api.GraphQL.Core;

/// <summary>A mutation payload error (GraphQL <c>interface Error { message: String! }</c>).</summary>
public interface IPayloadError
{
    string Message { get; }
}

/// <summary>A domain rule was broken (code from <see cref="RuleCodes"/>); nothing was written.</summary>
public sealed record DomainRuleError(string Code, string Message) : IPayloadError
{
    public static DomainRuleError From(RuleViolation v) => new(v.Code, v.Message);

    public static IReadOnlyList<DomainRuleError> From(DomainRuleException e) => e.Violations.Select(From).ToList();
}

/// <summary>An input value is malformed or missing (e.g. an unknown school number); <c>field</c> names the input field.</summary>
public sealed record ValidationError(string Code, string Message, string? Field) : IPayloadError;

/// <summary>The object changed since the client read it: the update carried a stale <c>version</c>.</summary>
public sealed record ConcurrencyError(string Message, int? ExpectedVersion, int? ActualVersion) : IPayloadError;
