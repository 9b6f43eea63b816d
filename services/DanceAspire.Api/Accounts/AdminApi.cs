using DanceAspire.Data;
using DanceAspire.Data.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanceAspire.Api.Accounts;

public static class AdminApi
{
    public const int MaxGrant = 1_000_000;
    public const int MaxNoteLength = 200;

    /// <summary>/api/v1/admin/users: find users, ban and unban them, grant coins. Admins only.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/admin/users").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("", ListUsers)
            .WithName("AdminListUsers")
            .WithSummary("Users, newest first; email filters by substring.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetUser)
            .WithName("AdminGetUser")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/ban", Ban)
            .WithName("AdminBanUser")
            .WithSummary("Bans a user: login fails and the tokens they hold stop working.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/unban", Unban)
            .WithName("AdminUnbanUser")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/coins", GrantCoins)
            .WithName("AdminGrantCoins")
            .WithSummary("Adds coins to a user's balance, with a ledger entry.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<Page<AdminUserView>>, ValidationProblem>> ListUsers(
        DanceDbContext db, string? email, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The paging parameters are out of range; see errors.");
        }
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(email))
        {
            var fragment = AccountRules.NormalizeEmail(email);
            users = users.Where(u => u.Email.Contains(fragment));
        }
        var total = await users.CountAsync(cancellationToken);
        var items = await users
            .OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(u => new AdminUserView(u.Id, u.Email, u.Role, u.CoinBalance, u.BannedAt, u.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<AdminUserView>(items, paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> GetUser(Guid id, DanceDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } user ? TypedResults.Ok(user) : NoSuchUser(id);

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> Ban(
        Guid id, Caller caller, DanceDbContext db, AccountStatusCache statuses, TimeProvider time, CancellationToken cancellationToken)
    {
        if (id == caller.UserId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot ban yourself",
                detail: "An admin cannot ban their own account.");
        }
        var now = time.GetUtcNow();
        // Banning twice keeps the first ban's time.
        var updated = await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.BannedAt, u => u.BannedAt ?? now), cancellationToken);
        statuses.Forget(id);
        return updated == 0 ? NoSuchUser(id) : TypedResults.Ok((await FindAsync(db, id, cancellationToken))!);
    }

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> Unban(
        Guid id, DanceDbContext db, AccountStatusCache statuses, CancellationToken cancellationToken)
    {
        var updated = await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.BannedAt, (DateTimeOffset?)null), cancellationToken);
        statuses.Forget(id);
        return updated == 0 ? NoSuchUser(id) : TypedResults.Ok((await FindAsync(db, id, cancellationToken))!);
    }

    private static async Task<Results<Ok<CoinBalance>, ValidationProblem, ProblemHttpResult>> GrantCoins(
        Guid id, GrantCoinsRequest request, Caller caller, DanceDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Amount is not (>= 1 and <= MaxGrant))
        {
            errors["amount"] = [$"amount is a whole number of coins from 1 to {MaxGrant}."];
        }
        if (request.Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"note has at most {MaxNoteLength} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The grant is not valid; see errors.");
        }
        if (!await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
        {
            return NoSuchUser(id);
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? $"granted by admin {caller.UserId}" : request.Note.Trim();
        var balance = await CoinLedger.GrantAsync(db, id, request.Amount!.Value, note, cancellationToken);
        return TypedResults.Ok(new CoinBalance(id, balance));
    }

    private static Task<AdminUserView?> FindAsync(DanceDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new AdminUserView(u.Id, u.Email, u.Role, u.CoinBalance, u.BannedAt, u.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    private static ProblemHttpResult NoSuchUser(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No user {id}.");
}
