using Microsoft.EntityFrameworkCore;
using Pacta.Core.Verification.Replay;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Replay;

/// <summary>An organisation deleted from the database without an event is in the record but no longer shown.</summary>
public abstract class DeletedOrganizationTests(PactaApp app)
{
    [Fact]
    public async Task OrganizationDeletedWithoutAnEvent_IsMissingFromThePortal()
    {
        string shortName, party;
        await using (var db = app.CreateDbContext())
        {
            // One that no commitment or milestone names, so the database lets it go.
            var named = await db.Commitments.Where(c => c.LeadOrganizationId != null).Select(c => c.LeadOrganizationId!.Value)
                .Concat(db.Set<Pacta.Core.Commitments.SupportingInstitution>().Select(s => s.OrganizationId))
                .Concat(db.Set<Pacta.Core.Commitments.Milestone>().Where(m => m.ResponsibleOrganizationId != null).Select(m => m.ResponsibleOrganizationId!.Value))
                .ToListAsync();
            var organization = (await db.Organizations.AsNoTracking().ToListAsync())
                .Where(o => !named.Contains(o.Id)).OrderBy(o => o.ShortName, StringComparer.Ordinal).First();
            (shortName, party) = (organization.ShortName, organization.PartyKey);
        }
        await PortalReplay.TamperAsync(app, """DELETE FROM "Organizations" WHERE "ShortName" = {0}""", shortName);

        var differences = await PortalReplay.CompareAsync(app);

        Assert.Equal([$"organization/{shortName} MissingFromPortal", $"party/{party} organizationCount"], PortalReplay.Lines(differences).Order(StringComparer.Ordinal));
        var missing = differences.Single(d => d.Kind == DifferenceKind.MissingFromPortal);
        var entry = await PortalReplay.LatestEntryAsync(app, $"organization/{shortName}");
        Assert.Equal($"organization/{shortName} is in the record (entry {entry}) but the portal does not show it", missing.ToString());
    }
}

public sealed class DeletedOrganizationTestsOnSqlite(SqliteApp app) : DeletedOrganizationTests(app), IClassFixture<SqliteApp>;

public sealed class DeletedOrganizationTestsOnPostgres(PostgresApp app) : DeletedOrganizationTests(app), IClassFixture<PostgresApp>;
