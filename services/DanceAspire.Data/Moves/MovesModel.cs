using DanceAspire.Data.Accounts;
using DanceAspire.Data.Analyses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanceAspire.Data.Moves;

internal sealed class MoveConfiguration : IEntityTypeConfiguration<Move>
{
    public void Configure(EntityTypeBuilder<Move> move)
    {
        move.ToTable("moves");
        move.HasKey(m => m.Id);
        move.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        move.HasOne<VideoAnalysis>().WithMany().HasForeignKey(m => m.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        // Importing an analysis twice must not add its moves twice.
        move.HasIndex(m => new { m.AnalysisId, m.SegmentIndex }).IsUnique();
        move.HasIndex(m => new { m.OwnerId, m.CreatedAt });
    }
}
