using System.Security.Claims;
using DanceAspire.Data.Accounts;

namespace DanceAspire.Api.Accounts;

/// <summary>The authenticated user making a request, bound from the validated token (a handler parameter).</summary>
public sealed record Caller(Guid UserId, bool IsAdmin)
{
    public static Caller? From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AccessTokenIssuer.SubjectClaim), out var id)
            ? new Caller(id, user.IsInRole(Roles.Admin))
            : null;

    /// <summary>Minimal APIs bind parameters of this type with this method (it never reads the body).</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    /// <summary>Whether the caller may see something <paramref name="ownerId"/> owns.</summary>
    public bool CanSee(Guid ownerId) => IsAdmin || ownerId == UserId;
}
