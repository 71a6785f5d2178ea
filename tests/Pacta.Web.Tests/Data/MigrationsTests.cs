using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Web.Tests.Data;

public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=not_contacted")]
    public void Model_ComparedWithMigrations_HasNoChangesWithoutAMigration(DatabaseProvider provider, string connectionString)
    {
        using var db = new DatabaseSettings(provider, connectionString, ".").CreateContext();

        // Fails when an entity changed and nobody ran `dotnet ef migrations add` for this provider.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations do not match the model: add a migration.");
    }
}
