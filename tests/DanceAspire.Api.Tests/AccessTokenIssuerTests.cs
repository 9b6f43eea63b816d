using System.Security.Claims;
using DanceAspire.Api.Accounts;
using DanceAspire.Data.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DanceAspire.Api.Tests;

public sealed class AccessTokenIssuerTests
{
    private static readonly AuthOptions Auth = new() { SigningKey = new string('k', 32), TokenLifetime = TimeSpan.FromMinutes(30) };
    private static readonly User Ann = new() { Id = Guid.NewGuid(), Email = "ann@example.com", PasswordHash = "", Role = Roles.Admin };

    private static BearerToken Issue(AuthOptions auth, DateTimeOffset now) =>
        new AccessTokenIssuer(Options.Create(auth), new FixedTime(now)).Issue(Ann);

    private static Task<TokenValidationResult> ValidateAsync(string token, AuthOptions auth) =>
        new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, AccessTokenIssuer.ValidationParameters(auth));

    [Fact]
    public async Task A_token_names_the_user_and_role_and_validates_with_the_same_settings()
    {
        var now = DateTimeOffset.UtcNow;
        var token = Issue(Auth, now);

        var result = await ValidateAsync(token.AccessToken, Auth);

        Assert.True(result.IsValid, result.Exception?.Message);
        var user = new ClaimsPrincipal(result.ClaimsIdentity);
        Assert.Equal(Ann.Id, Caller.From(user)!.UserId);
        Assert.True(Caller.From(user)!.IsAdmin);
        Assert.Equal(("Bearer", DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()) + Auth.TokenLifetime), (token.TokenType, token.ExpiresAt));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_for_another_audience_is_refused()
    {
        var token = Issue(Auth, DateTimeOffset.UtcNow).AccessToken;

        Assert.False((await ValidateAsync(token, new AuthOptions { SigningKey = new string('x', 32) })).IsValid);
        Assert.False((await ValidateAsync(token, new AuthOptions { SigningKey = Auth.SigningKey, Audience = "elsewhere" })).IsValid);
    }

    [Fact]
    public async Task An_expired_token_is_refused_as_expired()
    {
        var token = Issue(Auth, DateTimeOffset.UtcNow.AddHours(-2)).AccessToken;

        var result = await ValidateAsync(token, Auth);

        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
