using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanceAspire.Data.Analyses;

internal sealed class AnalysisConfiguration : IEntityTypeConfiguration<VideoAnalysis>
{
    public void Configure(EntityTypeBuilder<VideoAnalysis> analysis)
    {
        analysis.ToTable("analyses");
        analysis.HasKey(a => a.Id);
        analysis.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        analysis.HasOne<Job>().WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.SetNull);
        analysis.HasIndex(a => new { a.OwnerId, a.CreatedAt });
        // The sweeper's scan for uploads that were never confirmed.
        analysis.HasIndex(a => new { a.State, a.UploadExpiresAt });
        analysis.HasIndex(a => a.JobId);
    }
}
