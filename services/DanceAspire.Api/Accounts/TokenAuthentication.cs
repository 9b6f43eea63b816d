using DanceAspire.Data;
using DanceAspire.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DanceAspire.Api.Accounts;

public static class Policies
{
    public const string Admin = "admin";
}

/// <summary>
/// Bearer-token authentication and the api's access rule: every endpoint needs a valid token of an
/// account that is not banned, unless it allows anonymous access (health, auth, OpenAPI).
/// </summary>
public static class TokenAuthentication
{
    public static IHostApplicationBuilder AddTokenAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(auth => auth.SigningKeyBytes.Length >= AuthOptions.MinimumSigningKeyBytes,
                $"Auth:SigningKey must be at least {AuthOptions.MinimumSigningKeyBytes} bytes (the AppHost passes a generated one).")
            .ValidateOnStart();
        builder.Services.AddOptions<CoinOptions>()
            .BindConfiguration(CoinOptions.Section)
            .Validate(coins => coins.SignupGrant >= 0, "Coins:SignupGrant cannot be negative.")
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<AccountStatusCache>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = AccessTokenIssuer.ValidationParameters(auth.Value);
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadQueryTokenWhereAllowed,
                    OnTokenValidated = RejectUnavailableAccounts,
                    OnChallenge = WriteChallengeProblem,
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, UnmatchedRequestAuthorization>();
        return builder;
    }

    /// <summary>
    /// Lets an endpoint take the token as an <c>access_token</c> query parameter: browsers' EventSource and
    /// WebSocket cannot set an Authorization header. Only for the endpoints that need it, since URLs get logged.
    /// </summary>
    public static TBuilder AllowAccessTokenInQuery<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(QueryTokenAllowed.Instance);

    private sealed class QueryTokenAllowed
    {
        public static readonly QueryTokenAllowed Instance = new();
    }

    private static Task ReadQueryTokenWhereAllowed(MessageReceivedContext context)
    {
        var request = context.Request;
        if (!request.Headers.ContainsKey("Authorization")
            && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<QueryTokenAllowed>() is not null
            && request.Query.TryGetValue("access_token", out var token))
        {
            context.Token = token;
        }
        return Task.CompletedTask;
    }

    /// <summary>A valid signature is not enough: a banned (or deleted) account's earlier tokens stop working.</summary>
    private static async Task RejectUnavailableAccounts(TokenValidatedContext context)
    {
        if (context.Principal is null || Caller.From(context.Principal) is not { } caller)
        {
            context.Fail("The token names no account.");
            return;
        }
        var services = context.HttpContext.RequestServices;
        var status = await services.GetRequiredService<AccountStatusCache>()
            .GetAsync(services.GetRequiredService<DanceDbContext>(), caller.UserId, context.HttpContext.RequestAborted);
        switch (status)
        {
            case AccountStatus.Banned:
                context.Fail(new AccountUnavailableException("This account is banned; its tokens no longer work."));
                break;
            case AccountStatus.Missing:
                context.Fail(new AccountUnavailableException("The account this token was issued to no longer exists."));
                break;
        }
    }

    private static async Task WriteChallengeProblem(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (detail, error) = context.AuthenticateFailure switch
        {
            null => ("This endpoint needs a bearer token: POST /api/v1/auth/login, then send 'Authorization: Bearer <accessToken>'.", null),
            SecurityTokenExpiredException => ("The access token has expired; log in again for a new one.", "invalid_token"),
            AccountUnavailableException unavailable => (unavailable.Message, "invalid_token"),
            _ => ("The access token is not valid (malformed, wrongly signed, or for another issuer or audience).", "invalid_token"),
        };
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = error is null ? "Bearer" : $"Bearer error=\"{error}\"";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = detail },
        });
    }

    private sealed class AccountUnavailableException(string message) : Exception(message);

    /// <summary>
    /// The fallback policy also covers requests that match no endpoint; those get the 404 (or 405)
    /// anyone gets, rather than a 401 that suggests a token would help.
    /// </summary>
    private sealed class UnmatchedRequestAuthorization : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
            context.GetEndpoint() is RouteEndpoint
                ? _default.HandleAsync(next, context, policy, authorizeResult)
                : next(context);
    }
}
