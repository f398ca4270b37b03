using SefData.Domain;

namespace SefData.Api.GraphQL.Brokerage;

/// <summary>
/// Brokerage rules the domain does not have yet (pure functions, so they can move into SefData.Domain unchanged).
/// Lifecycle: PROPOSED -> AGREED -> ACTIVE (reviews keep it ACTIVE) -> COMPLETED; any open state -> CANCELLED.
/// </summary>
public static class BrokerageRules
{
    public const string ProviderColour = "BROKERAGE_PROVIDER_COLOUR";
    public const string RecipientColour = "BROKERAGE_RECIPIENT_COLOUR";
    public const string LoadCap = "BROKERAGE_LOAD_CAP";
    public const string Transition = "BROKERAGE_STATUS_TRANSITION";

    /// <summary>Default cap on open (proposed, agreed or active) brokerages per provider; configurable as Brokerage:MaxOpenPerProvider.</summary>
    public const int DefaultMaxOpenPerProvider = 3;

    public static readonly BrokerageStatus[] Open = [BrokerageStatus.Proposed, BrokerageStatus.Agreed, BrokerageStatus.Active];

    public static RuleViolation? Provider(SupportColour? colour, string year) => colour is SupportColour.Green or SupportColour.Yellow
        ? null
        : new(ProviderColour, colour is null
            ? $"The provider has no categorisation for {year}: only green or yellow schools can provide support."
            : $"The provider is {colour} in {year}: only green or yellow schools can provide support.");

    public static RuleViolation? Recipient(SupportColour? colour, string year) => colour is SupportColour.Amber or SupportColour.Red
        ? null
        : new(RecipientColour, colour is null
            ? $"The recipient has no categorisation for {year}: support is brokered for amber or red schools."
            : $"The recipient is {colour} in {year}: support is brokered for amber or red schools.");

    public static RuleViolation? Load(int openBrokerages, int cap) => openBrokerages < cap
        ? null
        : new(LoadCap, $"The provider already has {openBrokerages} open brokerage(s); at most {cap} at a time, so the same schools are not used continually.");

    public static bool IsLegal(BrokerageStatus from, BrokerageStatus to) => (from, to) switch
    {
        (BrokerageStatus.Proposed, BrokerageStatus.Agreed) => true,
        (BrokerageStatus.Agreed, BrokerageStatus.Active) => true,
        (BrokerageStatus.Active, BrokerageStatus.Active) => true, // a review
        (BrokerageStatus.Active, BrokerageStatus.Completed) => true,
        (BrokerageStatus.Proposed or BrokerageStatus.Agreed or BrokerageStatus.Active, BrokerageStatus.Cancelled) => true,
        _ => false,
    };

    public static RuleViolation? Move(BrokerageStatus from, BrokerageStatus to) => IsLegal(from, to)
        ? null
        : new(Transition, from == to
            ? $"The brokerage is already {from}."
            : $"A brokerage cannot go from {from} to {to} (proposed -> agreed -> active -> completed; open ones can be cancelled).");

    /// <summary>First and last day of an academic year "2018/19".</summary>
    public static (DateOnly From, DateOnly To) Span(string year)
    {
        var y = AcademicYears.StartYear(year);
        return (new DateOnly(y, 9, 1), new DateOnly(y + 1, 8, 31));
    }
}
