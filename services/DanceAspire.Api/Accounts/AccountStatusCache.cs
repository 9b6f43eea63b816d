using DanceAspire.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DanceAspire.Api.Accounts;

/// <summary>
/// Whether an account may still use its tokens (it exists and is not banned), checked on every
/// authenticated request. Answers are kept a few seconds to spare Postgres a lookup per request; a ban
/// made through this process takes effect at once, one made through another replica within <see cref="Lifetime"/>.
/// </summary>
internal sealed class AccountStatusCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async ValueTask<AccountStatus> GetAsync(DanceDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out AccountStatus status))
        {
            return status;
        }
        var bannedAt = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.BannedAt })
            .SingleOrDefaultAsync(cancellationToken);
        status = bannedAt is null ? AccountStatus.Missing : bannedAt.BannedAt is null ? AccountStatus.Active : AccountStatus.Banned;
        cache.Set(Key(userId), status, Lifetime);
        return status;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"account-status:{userId:N}";
}

internal enum AccountStatus
{
    Active,
    Banned,
    Missing,
}
