using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using DanceAspire.Data.Songs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanceAspire.Data.Choreographies;

internal sealed class ChoreographyConfiguration : IEntityTypeConfiguration<Choreography>
{
    public void Configure(EntityTypeBuilder<Choreography> choreography)
    {
        choreography.ToTable("choreographies");
        choreography.HasKey(c => c.Id);
        choreography.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        choreography.HasOne<Song>().WithMany().HasForeignKey(c => c.SongId).OnDelete(DeleteBehavior.SetNull);
        choreography.HasOne<Job>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.SetNull);
        choreography.Property(c => c.Request).HasColumnType("jsonb");
        choreography.Property(c => c.Blueprint).HasColumnType("jsonb");
        choreography.HasIndex(c => new { c.OwnerId, c.CreatedAt });
        choreography.HasIndex(c => c.JobId);
        choreography.HasIndex(c => c.SongId);
    }
}
