using DanceAspire.Api.Data;
using DanceAspire.Data;
using DanceAspire.Data.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Accounts;

public static class AuthApi
{
    /// <summary>POST /api/v1/auth/signup and /login: open to anyone, everything else needs the token login returns.</summary>
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/signup", SignUp)
            .WithName("SignUp")
            .WithSummary("Creates an account with the signup grant of coins.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/login", LogIn)
            .WithName("LogIn")
            .WithSummary("Exchanges an email and password for a bearer token.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Results<Created<UserProfile>, ValidationProblem, ProblemHttpResult>> SignUp(
        SignupRequest request,
        DanceDbContext db,
        IPasswordHasher<User> hasher,
        IOptions<AuthOptions> auth,
        IOptions<CoinOptions> coins,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = AccountRules.ValidateSignup(request.Email, request.Password);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The signup request is not valid; see errors.");
        }

        var email = AccountRules.NormalizeEmail(request.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return EmailTaken(email);
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            PasswordHash = "",
            Role = AccountRules.IsAdminEmail(email, auth.Value.AdminEmail) ? Roles.Admin : Roles.User,
            CreatedAt = time.GetUtcNow(),
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);

        // The account and its signup grant exist together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation("ix_users_email"))
        {
            // Another signup with the same email won the race since the check above.
            return EmailTaken(email);
        }
        var grant = coins.Value.SignupGrant;
        if (grant > 0)
        {
            user.CoinBalance = await CoinLedger.GrantAsync(db, user.Id, grant, "signup grant", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created("/api/v1/users/me", new UserProfile(user.Id, user.Email, user.Role, user.CoinBalance, user.CreatedAt));
    }

    private static async Task<Results<Ok<BearerToken>, ValidationProblem, ProblemHttpResult>> LogIn(
        LoginRequest request,
        DanceDbContext db,
        IPasswordHasher<User> hasher,
        AccessTokenIssuer tokens,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                errors["email"] = ["An email address is required."];
            }
            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = ["A password is required."];
            }
            return TypedResults.ValidationProblem(errors, detail: "The login request is not valid; see errors.");
        }
        if (request.Password.Length > AccountRules.MaxPasswordLength)
        {
            return WrongCredentials();
        }

        var email = AccountRules.NormalizeEmail(request.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            // Hash anyway, so an unknown email takes as long as a wrong password.
            hasher.VerifyHashedPassword(UnknownUser, UnknownUser.PasswordHash, request.Password);
            return WrongCredentials();
        }

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password);
        if (verification == PasswordVerificationResult.Failed)
        {
            return WrongCredentials();
        }
        // Said only to whoever knows the password.
        if (user.BannedAt is not null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Account banned",
                detail: "This account has been banned and cannot log in.");
        }
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(tokens.Issue(user));
    }

    private static readonly User UnknownUser = CreateUnknownUser();

    private static User CreateUnknownUser()
    {
        var user = new User { Email = "", PasswordHash = "" };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Guid.NewGuid().ToString());
        return user;
    }

    private static ProblemHttpResult WrongCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Login failed",
        detail: "The email or password is wrong.");

    private static ProblemHttpResult EmailTaken(string email) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Email taken",
        detail: $"An account with the email '{email}' already exists; log in instead.");
}
