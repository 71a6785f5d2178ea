using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Progress;

namespace Pacta.Web.Progress;

/// <summary>Implementation: evidence files kept content-addressed beside the database, and served by their hash; links fetched when the operator turns it on.</summary>
internal static class ProgressStartup
{
    public const string EvidencePath = "/evidence";

    /// <summary>The output cache policy of public pages that change only with the record and the clock.</summary>
    public const string RecordStatePolicy = "record-state";

    public static void AddPactaProgress(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration);
        var directory = builder.Configuration["Pacta:Evidence:Directory"] is { Length: > 0 } d ? Path.GetFullPath(d) : Path.Combine(settings.DataDirectory, "evidence");
        builder.Services.AddSingleton(new EvidenceFiles(directory));
        var progress = ProgressSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(progress);
        // One client for every report's links (its connections are pooled); used only when Pacta:Progress:FetchLinks is on.
        builder.Services.AddSingleton(_ => new LinkFetcher(progress.Fetch));
        builder.Services.AddSingleton<PlanDashboardCache>();

        // Whole pages for readers without a session, kept while the record's size (every public change appends to
        // it), the newest checkpoint's size (pages link the signed entry behind what they show) and the minute
        // (statuses follow the clock) are the same: these pages are read far more than they change. The default
        // policy never caches a signed-in request or a response that sets a cookie.
        builder.Services.AddOutputCache(options =>
        {
            // "/es/commitments/mx0081" redirects to "/es/commitments/MX0081": never the same cached page.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(RecordStatePolicy, policy => policy
            .Expire(TimeSpan.FromMinutes(1))
            .SetVaryByQuery("status", "institution")
            .AddPolicy<RecordStateKey>());
        });
    }

    /// <summary>
    /// <c>GET /evidence/{sha256}</c>: public, as the report that cites it. Served as an attachment with the type its
    /// content was recognised as, <c>nosniff</c>, and its hash in <c>Repr-Digest</c> (RFC 9530); the name is the hash, so
    /// the answer never changes and may be cached for good.
    /// </summary>
    public static void MapPactaProgress(this WebApplication app)
    {
        app.MapPactaFeeds();
        app.MapGet(EvidencePath + "/{sha256}", async (string sha256, EvidenceFiles files, PactaDbContext db, HttpContext context) =>
        {
            if (!EvidenceFiles.IsHash(sha256)) return Results.Text("Not an evidence file's name: 64 lower-case hexadecimal digits (SHA-256) are expected.", statusCode: 404);
            var known = await db.Evidence.AsNoTracking().Where(e => e.Sha256 == sha256 && e.Kind == EvidenceKind.File)
                .Select(e => new { e.MediaType, e.FileName }).FirstOrDefaultAsync(context.RequestAborted);
            if (known is null || files.Find(sha256) is not { } path) return Results.Text("No evidence file has this hash.", statusCode: 404);
            var headers = context.Response.Headers;
            headers.CacheControl = "public, max-age=31536000, immutable";
            headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(sha256))}:";
            headers.XContentTypeOptions = "nosniff";
            return Results.File(path, known.MediaType ?? "application/octet-stream", known.FileName ?? sha256);
        }).AllowAnonymous().WithName("GetEvidence").ExcludeFromDescription();
    }
}

/// <summary>
/// The record-state policy's key: the record's size, the newest checkpoint's size and the minute. Worked out only for a
/// request the cache may answer or keep: the default policy, which runs before this one, has already ruled out a
/// signed-in reader's, and for them the two queries behind the key were pure cost on every page.
/// </summary>
internal sealed class RecordStateKey : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!context.EnableOutputCaching || (!context.AllowCacheLookup && !context.AllowCacheStorage)) return;
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<PactaDbContext>();
        var size = await db.RecordHeads.AsNoTracking().Select(h => h.Size).SingleOrDefaultAsync(cancellation);
        var signed = await db.Checkpoints.AsNoTracking().MaxAsync(c => (long?)c.Size, cancellation) ?? 0;
        var minute = services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["record"] = $"{size}/{signed}/{minute}";
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
