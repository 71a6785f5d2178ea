using System.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Data;

/// <summary>Pacta's database, on SQLite (embedded default) or PostgreSQL.</summary>
/// <remarks>
/// Migrations live in one assembly per provider and are generated, never hand-edited:
/// <code>
/// dotnet ef migrations add NAME --project src/Pacta.Data.Sqlite
/// dotnet ef migrations add NAME --project src/Pacta.Data.Postgres
/// </code>
/// </remarks>
/// <para>
/// People are ASP.NET Core Identity users (<see cref="Member"/>) without Identity's global roles: Pacta's roles
/// are per party (<see cref="Appointment"/>), so the context is an <see cref="IdentityUserContext{TUser, TKey}"/>.
/// </para>
public sealed class PactaDbContext(DbContextOptions<PactaDbContext> options) : IdentityUserContext<Member, Guid>(options)
{
    public DbSet<Forum.Forum> Forums => Set<Forum.Forum>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<ParticipationChange> ParticipationChanges => Set<ParticipationChange>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<SupportingInstitution> SupportingInstitutions => Set<SupportingInstitution>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<RecordEntry> RecordEntries => Set<RecordEntry>();
    public DbSet<RecordHash> RecordHashes => Set<RecordHash>();
    public DbSet<RecordHead> RecordHeads => Set<RecordHead>();
    public DbSet<StoredCheckpoint> Checkpoints => Set<StoredCheckpoint>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<PublishedCredential> PublishedCredentials => Set<PublishedCredential>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<MemberSession> MemberSessions => Set<MemberSession>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<PrivateSpaces.PartySpaceKey> PartySpaceKeys => Set<PrivateSpaces.PartySpaceKey>();
    public DbSet<PrivateSpaces.SpaceThread> SpaceThreads => Set<PrivateSpaces.SpaceThread>();
    public DbSet<PrivateSpaces.SpaceComment> SpaceComments => Set<PrivateSpaces.SpaceComment>();
    public DbSet<PrivateSpaces.SpaceDocument> SpaceDocuments => Set<PrivateSpaces.SpaceDocument>();
    public DbSet<PrivateSpaces.IncidentReport> IncidentReports => Set<PrivateSpaces.IncidentReport>();
    public DbSet<PrivateSpaces.PublishedIncident> PublishedIncidents => Set<PrivateSpaces.PublishedIncident>();
    public DbSet<Agreements.WorkingTable> WorkingTables => Set<Agreements.WorkingTable>();
    public DbSet<Agreements.TableSeat> TableSeats => Set<Agreements.TableSeat>();
    public DbSet<Agreements.CommitmentVersion> CommitmentVersions => Set<Agreements.CommitmentVersion>();
    public DbSet<Agreements.Vote> Votes => Set<Agreements.Vote>();
    public DbSet<Plans.StageProposal> StageProposals => Set<Plans.StageProposal>();
    public DbSet<Plans.StageVote> StageVotes => Set<Plans.StageVote>();
    public DbSet<Progress.ProgressReport> ProgressReports => Set<Progress.ProgressReport>();
    public DbSet<Progress.Evidence> Evidence => Set<Progress.Evidence>();
    public DbSet<Progress.ProgressDispute> ProgressDisputes => Set<Progress.ProgressDispute>();

    /// <summary>Begins the transaction of a state-changing operation. Every write operation uses this, never <c>Database.BeginTransactionAsync</c>.</summary>
    /// <remarks>
    /// On SQLite the transaction must take the write lock at its start (<c>BEGIN IMMEDIATE</c>): a
    /// deferred transaction that reads and then writes fails with "database is locked" when another
    /// writer got in between, and no busy wait can save it. Microsoft.Data.Sqlite begins
    /// <c>BEGIN IMMEDIATE</c> for <see cref="IsolationLevel.Serializable"/> (and <c>BEGIN</c>, deferred,
    /// only for <see cref="IsolationLevel.ReadUncommitted"/>); the level is named here so that this is
    /// a decision, and <c>WriteTransactionTests</c> checks it still holds. On PostgreSQL the default
    /// (read committed) is what the record needs: appends serialize on the head row's lock.
    /// </remarks>
    public Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken = default) =>
        Database.IsSqlite()
            ? Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken)
            : Database.BeginTransactionAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Not base.OnModelCreating: Identity picks its schema version from IdentityOptions in the application's
        // services, and without them (the CLI, the record writer's own contexts, migrations) it falls back to
        // version 1, which has no passkeys. The model must be the same everywhere, so Pacta configures
        // Identity's tables itself (People/IdentityConfigurations.cs), as schema version 3 lays them out.
        builder.ApplyConfigurationsFromAssembly(typeof(PactaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Partial dates are stored as ISO text ("2017-05"), which sorts like the dates it holds.
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>().HaveMaxLength(10);
        // Enums as their names: a database dump (or a backup an auditor reads) says "Withdrawn", not 2.
        configurationBuilder.Properties<DecisionRule>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ParticipationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PlanState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CommitmentProvenance>().HaveConversion<string>().HaveMaxLength(48);
        configurationBuilder.Properties<AccountKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CommitmentState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Agreements.VersionKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Agreements.VoteDecision>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Progress.Completion>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Progress.EvidenceKind>().HaveConversion<string>().HaveMaxLength(16);
    }
}
