using Microsoft.EntityFrameworkCore;
using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Core.Data;

/// <summary>Pacta's database, on SQLite (embedded default) or PostgreSQL.</summary>
/// <remarks>
/// Migrations live in one assembly per provider and are generated, never hand-edited:
/// <code>
/// dotnet ef migrations add NAME --project src/Pacta.Data.Sqlite
/// dotnet ef migrations add NAME --project src/Pacta.Data.Postgres
/// </code>
/// </remarks>
public sealed class PactaDbContext(DbContextOptions<PactaDbContext> options) : DbContext(options)
{
    public DbSet<Forum.Forum> Forums => Set<Forum.Forum>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<ParticipationChange> ParticipationChanges => Set<ParticipationChange>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<SupportingInstitution> SupportingInstitutions => Set<SupportingInstitution>();
    public DbSet<Milestone> Milestones => Set<Milestone>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PactaDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Partial dates are stored as ISO text ("2017-05"), which sorts like the dates it holds.
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>().HaveMaxLength(10);
        // Enums as their names: a database dump (or a backup an auditor reads) says "Withdrawn", not 2.
        configurationBuilder.Properties<DecisionRule>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ParticipationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PlanState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CommitmentProvenance>().HaveConversion<string>().HaveMaxLength(48);
    }
}
