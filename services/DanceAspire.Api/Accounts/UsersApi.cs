using DanceAspire.Api.Jobs;
using DanceAspire.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanceAspire.Api.Accounts;

public static class UsersApi
{
    private const int RecentCount = 10;

    /// <summary>GET /api/v1/users/me and its ledger: the caller's own account.</summary>
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/users").WithTags("Users");
        group.MapGet("/me", GetMe)
            .WithName("GetMe")
            .WithSummary("The caller's profile, coin balance, latest transactions and latest jobs.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/me/transactions", GetMyTransactions)
            .WithName("GetMyTransactions")
            .WithSummary("The caller's coin ledger, newest first.")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMe(Caller caller, DanceDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "The account of this token no longer exists.");
        }
        var transactions = await Ledger(db, caller.UserId).Take(RecentCount).ToListAsync(cancellationToken);
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.OwnerId == caller.UserId)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(RecentCount)
            .Select(JobViews.Summary)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email, user.Role, user.CoinBalance, user.CreatedAt, transactions, jobs));
    }

    private static async Task<Results<Ok<Page<CoinTransactionView>>, ValidationProblem>> GetMyTransactions(
        Caller caller, DanceDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The paging parameters are out of range; see errors.");
        }
        var ledger = Ledger(db, caller.UserId);
        var total = await ledger.CountAsync(cancellationToken);
        var items = await ledger.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<CoinTransactionView>(items, paging.PageNumber, paging.PageSize, total));
    }

    private static IQueryable<CoinTransactionView> Ledger(DanceDbContext db, Guid userId) =>
        db.CoinTransactions.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new CoinTransactionView(t.Id, t.Amount, t.Kind, t.JobId, t.BalanceAfter, t.Note, t.CreatedAt));
}
