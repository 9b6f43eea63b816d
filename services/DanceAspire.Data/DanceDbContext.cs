using DanceAspire.Data.Accounts;
using DanceAspire.Data.Analyses;
using DanceAspire.Data.Choreographies;
using DanceAspire.Data.Diagnostics;
using DanceAspire.Data.Jobs;
using DanceAspire.Data.Moves;
using DanceAspire.Data.Songs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DanceAspire.Data;

public sealed class DanceDbContext(DbContextOptions<DanceDbContext> options) : DbContext(options)
{
    public DbSet<Probe> Probes => Set<Probe>();
    public DbSet<User> Users => Set<User>();
    public DbSet<CoinTransaction> CoinTransactions => Set<CoinTransaction>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobAttempt> JobAttempts => Set<JobAttempt>();
    public DbSet<VideoAnalysis> Analyses => Set<VideoAnalysis>();
    public DbSet<Song> Songs => Set<Song>();
    public DbSet<Move> Moves => Set<Move>();
    public DbSet<Choreography> Choreographies => Set<Choreography>();

    /// <summary>A context outside dependency injection (tests, tools), configured exactly like the api's.</summary>
    public static DanceDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<DanceDbContext>().UseNpgsql(connectionString);
        Configure(options);
        return new DanceDbContext(options.Options);
    }

    /// <summary>Options every DanceDbContext needs, wherever it is created (pooled contexts cannot use OnConfiguring).</summary>
    public static void Configure(DbContextOptionsBuilder options)
    {
        // Migrations are hand-written (no Microsoft.EntityFrameworkCore.Design here), so there is
        // no model snapshot and EF would always report pending model changes. A test compares the
        // migrated schema with EnsureCreated's instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Probe>(probe =>
        {
            probe.HasKey(p => p.Id);
            probe.Property(p => p.Name).IsRequired();
        });
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DanceDbContext).Assembly);

        modelBuilder.UseSnakeCaseNames();
    }
}
