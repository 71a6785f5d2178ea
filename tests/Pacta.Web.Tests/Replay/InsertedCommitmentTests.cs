using Pacta.Core.Verification.Replay;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Replay;

/// <summary>A commitment inserted into the database without an event is shown by the portal and named as such.</summary>
public abstract class InsertedCommitmentTests(PactaApp app)
{
    [Fact]
    public async Task CommitmentInsertedWithoutAnEvent_IsShownWithoutAnEntry()
    {
        await PortalReplay.TamperAsync(app, """
            INSERT INTO "Commitments" ("Code", "PlanNumber", "Position", "Provenance", "Title_Es", "Title_En")
            VALUES ('XX0001', 99, 3, 'ImportedFromPublicSources', 'Compromiso añadido', 'Added commitment')
            """);

        var differences = await PortalReplay.CompareAsync(app);

        // The plan's commitment count is the record's three, the portal's four.
        Assert.Equal(["commitment/XX0001 NotInRecord", "plan/99 commitmentCount"], PortalReplay.Lines(differences).Order(StringComparer.Ordinal));
        var inserted = differences.Single(d => d.Kind == DifferenceKind.NotInRecord);
        Assert.Equal("commitment/XX0001 is shown by the portal but no record entry created it", inserted.ToString());
        var count = differences.Single(d => d.Field == "commitmentCount");
        Assert.Equal(("3", "4"), (count.Record, count.Portal));
    }
}

public sealed class InsertedCommitmentTestsOnSqlite(SqliteApp app) : InsertedCommitmentTests(app), IClassFixture<SqliteApp>;

public sealed class InsertedCommitmentTestsOnPostgres(PostgresApp app) : InsertedCommitmentTests(app), IClassFixture<PostgresApp>;
