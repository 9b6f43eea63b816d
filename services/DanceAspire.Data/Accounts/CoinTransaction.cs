namespace DanceAspire.Data.Accounts;

public static class CoinTransactionKinds
{
    public const string Grant = "grant";
    public const string Charge = "charge";
    public const string Refund = "refund";
}

/// <summary>One append-only ledger entry. At most one charge and one refund per job (a unique index).</summary>
public sealed class CoinTransaction
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>Positive for grants and refunds, negative for charges.</summary>
    public int Amount { get; set; }

    public required string Kind { get; set; }
    public Guid? JobId { get; set; }
    public int BalanceAfter { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
