using System.Security.Claims;
using SefData.GraphQL.Http;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Recording;

/// <summary>
/// The seam for sign-in with Entra ID. The API has no authentication yet, so every request's user is anonymous and
/// this returns null. Once JWT bearer authentication (Entra ID) is configured, the token's <c>oid</c> claim (the
/// user's object id, stable across apps) reaches the request's <see cref="ClaimsPrincipal"/> and is stored on each
/// categorisation stage change as <c>ChangedByEntraObjectId</c>; mapping it to a <c>Person</c> is a later step.
/// </summary>
public static class SignedInUser
{
    /// <summary>The short claim name, and the long one ASP.NET maps it to when inbound claim mapping is on.</summary>
    public static readonly string[] ObjectIdClaimTypes = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];

    public static string? EntraObjectId(IResolverContext ctx) =>
        EntraObjectId(ctx.ContextData.TryGetValue(GraphQLContextKeys.User, out var user) ? user as ClaimsPrincipal : null);

    public static string? EntraObjectId(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        return ObjectIdClaimTypes.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }
}
