using DanceAspire.Api.Jobs;

namespace DanceAspire.Api.Accounts;

// Fields are nullable so that a missing one is a validation error with a message, not a JSON error.
public sealed record SignupRequest(string? Email, string? Password);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record UserProfile(Guid Id, string Email, string Role, int CoinBalance, DateTimeOffset CreatedAt);

public sealed record CoinTransactionView(Guid Id, int Amount, string Kind, Guid? JobId, int BalanceAfter, string? Note, DateTimeOffset CreatedAt);

/// <summary>GET /api/v1/users/me: the profile with the latest ledger entries and jobs.</summary>
public sealed record MeResponse(
    Guid Id,
    string Email,
    string Role,
    int CoinBalance,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CoinTransactionView> RecentTransactions,
    IReadOnlyList<JobSummary> RecentJobs);

/// <summary>A user as admins see them.</summary>
public sealed record AdminUserView(Guid Id, string Email, string Role, int CoinBalance, DateTimeOffset? BannedAt, DateTimeOffset CreatedAt);

public sealed record GrantCoinsRequest(int? Amount, string? Note);

public sealed record CoinBalance(Guid UserId, int Balance);
