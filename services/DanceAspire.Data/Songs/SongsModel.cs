using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanceAspire.Data.Songs;

internal sealed class SongConfiguration : IEntityTypeConfiguration<Song>
{
    public void Configure(EntityTypeBuilder<Song> song)
    {
        song.ToTable("songs");
        song.HasKey(s => s.Id);
        song.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        song.HasOne<Job>().WithMany().HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.SetNull);
        song.HasIndex(s => new { s.OwnerId, s.CreatedAt });
        song.HasIndex(s => new { s.State, s.UploadExpiresAt });
        song.HasIndex(s => s.JobId);
    }
}
