using DanceAspire.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanceAspire.Data.Jobs;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.HasKey(j => j.Id);
        job.HasOne<User>().WithMany().HasForeignKey(j => j.OwnerId).OnDelete(DeleteBehavior.Cascade);
        job.Property(j => j.Payload).HasColumnType("jsonb");
        job.Property(j => j.Result).HasColumnType("jsonb");
        // The dispatcher's scans: what to hand out next, and what to reclaim.
        job.HasIndex(j => new { j.State, j.Kind, j.Priority, j.CreatedAt });
        job.HasIndex(j => new { j.OwnerId, j.CreatedAt });
        job.HasIndex(j => new { j.OwnerId, j.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        job.HasMany(j => j.Attempts).WithOne().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobAttemptConfiguration : IEntityTypeConfiguration<JobAttempt>
{
    public void Configure(EntityTypeBuilder<JobAttempt> attempt) => attempt.HasKey(a => new { a.JobId, a.Number });
}
