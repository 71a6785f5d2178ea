using Microsoft.EntityFrameworkCore.Design;
using Pacta.Core.Data;

namespace Pacta.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add NAME --project src/Pacta.Data.Sqlite</c> build the model without a running app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PactaDbContext>
{
    public PactaDbContext CreateDbContext(string[] args) =>
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", ".").CreateContext();
}
