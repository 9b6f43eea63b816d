using System.Text;

namespace DanceAspire.Api.Accounts;

/// <summary>Configuration section <c>Auth</c>: how access tokens are signed and who the first admin is.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 needs at least 256 bits of key.</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>The HMAC key for access tokens; the AppHost generates one per install as a secret parameter.</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "danceaspire";
    public string Audience { get; set; } = "danceaspire-api";
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The account that signs up with this email becomes an admin.</summary>
    public string? AdminEmail { get; set; }

    internal byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey);
}

/// <summary>Configuration section <c>Coins</c>.</summary>
public sealed class CoinOptions
{
    public const string Section = "Coins";

    /// <summary>Free coins every new account starts with.</summary>
    public int SignupGrant { get; set; } = 100;
}
