using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanceAspire.Data.Accounts;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.HasKey(u => u.Id);
        user.HasIndex(u => u.Email).IsUnique();
        user.Property(u => u.Role).HasDefaultValue(Roles.User);
        user.ToTable(t => t.HasCheckConstraint("ck_users_coin_balance_not_negative", "coin_balance >= 0"));
    }
}

internal sealed class CoinTransactionConfiguration : IEntityTypeConfiguration<CoinTransaction>
{
    public void Configure(EntityTypeBuilder<CoinTransaction> transaction)
    {
        transaction.HasKey(t => t.Id);
        transaction.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        transaction.HasIndex(t => new { t.UserId, t.CreatedAt });
        // A job is charged at most once and refunded at most once, whatever retries or races happen.
        transaction.HasIndex(t => new { t.JobId, t.Kind }).IsUnique().HasFilter("job_id IS NOT NULL");
    }
}
