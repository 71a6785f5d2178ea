using Npgsql;

namespace Pacta.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server started by ./test.sh. A test that needs it and finds no server fails with
/// this message; it is never skipped.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PACTA_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set: these tests need the PostgreSQL server that ./test.sh starts. Run ./test.sh, " +
            $"or set {Variable} to an admin connection string (Host=127.0.0.1;Port=…;Username=postgres).");

    /// <summary>Creates an empty database of its own for one test class and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"pacta_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
