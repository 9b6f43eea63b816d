namespace DanceAspire.Data.Accounts;

public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";
}

public sealed class User
{
    public Guid Id { get; set; }

    /// <summary>Stored trimmed and lower-cased; unique.</summary>
    public required string Email { get; set; }

    public required string PasswordHash { get; set; }
    public string Role { get; set; } = Roles.User;

    /// <summary>Kept equal to the sum of the user's ledger; a check constraint keeps it from going negative.</summary>
    public int CoinBalance { get; set; }

    /// <summary>Set when an admin bans the user: login fails and tokens issued before stop working.</summary>
    public DateTimeOffset? BannedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
