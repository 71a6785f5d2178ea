using Pacta.Core.Data;
using Pacta.Core.RecordKeys;

namespace Pacta.Web.Startup;

internal static class RecordStartup
{
    /// <summary>
    /// Registers the record's settings and its signing key (<see cref="RecordSigningKey"/>, a singleton loaded
    /// from its file once). <c>Pacta:Record:CreateKeyAtStart</c> says whether a missing key is created; by
    /// default only on the embedded SQLite default, because on PostgreSQL several servers may share the
    /// database and each creating its own key would give one log several identities: there the operator runs
    /// <c>pacta keys init</c> once and gives every server the same file.
    /// </summary>
    public static void AddPactaRecordKeys(this WebApplicationBuilder builder)
    {
        var database = DatabaseSettings.FromConfiguration(builder.Configuration);
        // Read now, so that a bad origin stops the start with the setting's name before anything else happens.
        var settings = RecordSettings.FromConfiguration(builder.Configuration, database.DataDirectory);
        var mayCreate = builder.Configuration.GetValue<bool?>("Pacta:Record:CreateKeyAtStart") ?? database.Provider == DatabaseProvider.Sqlite;
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(services =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Pacta.Startup");
            var key = RecordSigningKey.LoadOrCreate(settings, mayCreate, out var created);
            // The verifier key only: it is public, and operators copy it from the log to publish it.
            if (created)
                logger.LogInformation("Created the record signing key at {KeyFile}; back it up apart from the database. Verifier key: {VerifierKey}", key.FilePath, key.VerifierKeyText);
            else
                logger.LogInformation("Record signing key {KeyFile}; verifier key: {VerifierKey}", key.FilePath, key.VerifierKeyText);
            return key;
        });
    }

    /// <summary>Loads (or on first start creates) the signing key now, so that a missing or unsafe key file stops the start instead of the first checkpoint.</summary>
    public static void PrepareRecordKeys(this WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<RecordSigningKey>();
        }
        catch (RecordKeyException e)
        {
            // The message names the file and what to do; there is nothing more a stack trace would add.
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
