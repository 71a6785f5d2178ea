using Microsoft.EntityFrameworkCore.Design;
using Pacta.Core.Data;

namespace Pacta.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add NAME --project src/Pacta.Data.Postgres</c> build the model; no server is contacted.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PactaDbContext>
{
    public PactaDbContext CreateDbContext(string[] args) =>
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=pacta_design_time", ".").CreateContext();
}
