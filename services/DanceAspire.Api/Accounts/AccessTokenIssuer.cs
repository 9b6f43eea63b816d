using System.Security.Claims;
using DanceAspire.Data.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DanceAspire.Api.Accounts;

public sealed record BearerToken(string AccessToken, DateTimeOffset ExpiresAt, string TokenType = "Bearer");

/// <summary>Issues the HS256 bearer tokens that <see cref="TokenAuthentication"/> validates.</summary>
internal sealed class AccessTokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    public const string SubjectClaim = JwtRegisteredClaimNames.Sub;
    public const string RoleClaim = "role";
    public const string EmailClaim = JwtRegisteredClaimNames.Email;

    private readonly JsonWebTokenHandler _handler = new();

    public BearerToken Issue(User user)
    {
        var auth = options.Value;
        // JWT times are whole seconds; expiresAt says exactly what the token says.
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + auth.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(SubjectClaim, user.Id.ToString()),
                new Claim(EmailClaim, user.Email),
                new Claim(RoleClaim, user.Role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(SigningKey(auth), SecurityAlgorithms.HmacSha256),
        });
        return new BearerToken(token, expires);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions auth) => new(auth.SigningKeyBytes);

    /// <summary>What a token must satisfy; the issuer's own settings, so issuing and validating never drift apart.</summary>
    public static TokenValidationParameters ValidationParameters(AuthOptions auth) => new()
    {
        ValidIssuer = auth.Issuer,
        ValidAudience = auth.Audience,
        IssuerSigningKey = SigningKey(auth),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = SubjectClaim,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
