using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DanceAspire.Data.Accounts;

/// <summary>
/// Moves coins and writes the ledger in one statement each, so the balance and the ledger never disagree
/// and the balance never goes negative, however many requests race (the row lock orders them and the
/// conditions are re-checked on the latest row).
/// </summary>
public static class CoinLedger
{
    /// <summary>Adds coins (signup grant, admin grant); returns the new balance.</summary>
    public static async Task<int> GrantAsync(DanceDbContext db, Guid userId, int amount, string note, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        const string sql = """
            WITH credit AS (
              UPDATE users SET coin_balance = coin_balance + @amount WHERE id = @user RETURNING coin_balance)
            INSERT INTO coin_transactions (id, user_id, amount, kind, job_id, balance_after, note, created_at)
            SELECT @id, @user, @amount, 'grant', NULL, coin_balance, @note, now() FROM credit
            RETURNING balance_after
            """;
        return await ExecuteAsync(db, sql, cancellationToken, ("user", userId), ("amount", amount), ("note", note))
            ?? throw new InvalidOperationException($"User {userId} does not exist.");
    }

    /// <summary>
    /// Charges <paramref name="amount"/> for <paramref name="jobId"/>; returns the new balance, or null when the
    /// balance is too low. A second charge for the same job violates a unique index (call it in the
    /// transaction that creates the job, so both roll back together).
    /// </summary>
    public static async Task<int?> ChargeAsync(DanceDbContext db, Guid userId, Guid jobId, int amount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        const string sql = """
            WITH debit AS (
              UPDATE users SET coin_balance = coin_balance - @amount WHERE id = @user AND coin_balance >= @amount RETURNING coin_balance)
            INSERT INTO coin_transactions (id, user_id, amount, kind, job_id, balance_after, note, created_at)
            SELECT @id, @user, -@amount, 'charge', @job, coin_balance, NULL, now() FROM debit
            RETURNING balance_after
            """;
        return await ExecuteAsync(db, sql, cancellationToken, ("user", userId), ("amount", amount), ("job", jobId));
    }

    /// <summary>
    /// Gives back what <paramref name="jobId"/> was charged, once: returns the new balance, or null when there
    /// was no charge or it was already refunded. The caller holds the job's row lock (the dispatcher, the
    /// single writer of job transitions), so two refunds of one job never race.
    /// </summary>
    public static async Task<int?> RefundJobAsync(DanceDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH charge AS (
              SELECT user_id, -amount AS amount FROM coin_transactions
              WHERE job_id = @job AND kind = 'charge' AND amount < 0
                AND NOT EXISTS (SELECT 1 FROM coin_transactions WHERE job_id = @job AND kind = 'refund')),
            credit AS (
              UPDATE users u SET coin_balance = u.coin_balance + c.amount FROM charge c WHERE u.id = c.user_id
              RETURNING u.id AS user_id, u.coin_balance, c.amount)
            INSERT INTO coin_transactions (id, user_id, amount, kind, job_id, balance_after, note, created_at)
            SELECT @id, user_id, amount, 'refund', @job, coin_balance, NULL, now() FROM credit
            RETURNING balance_after
            """;
        return await ExecuteAsync(db, sql, cancellationToken, ("job", jobId));
    }

    private static async Task<int?> ExecuteAsync(DanceDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        // Raw ADO.NET: EF would wrap a data-modifying CTE in a subquery, which PostgreSQL refuses.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.AddWithValue("id", Guid.CreateVersion7());
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            return await command.ExecuteScalarAsync(cancellationToken) is int balance ? balance : null;
        }
        finally
        {
            if (openedHere)
            {
                await connection.CloseAsync();
            }
        }
    }
}
