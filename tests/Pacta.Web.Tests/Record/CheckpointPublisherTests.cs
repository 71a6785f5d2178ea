using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Data;
using Pacta.Core.Record.Notes;
using Pacta.Core.RecordKeys;
using Pacta.Core.RecordStore;
using Pacta.Web.Record;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Record;

/// <summary>
/// A growing record: each head the publisher sees is signed once, racing publishers store it once,
/// and tiles follow the newest checkpoint. Its own class: it appends to the record.
/// </summary>
public abstract class CheckpointPublisherTests(PactaApp app)
{
    [Fact]
    public async Task GrowingRecord_IsSignedOncePerHead_AndServedAtTheNewestCheckpoint()
    {
        var publisher = app.Services.GetRequiredService<CheckpointPublisher>();
        using var client = app.CreateClient();
        Assert.Null(await publisher.PublishOnceAsync());

        await AppendAsync(1);
        Assert.Equal(1, await publisher.PublishOnceAsync());
        Assert.Null(await publisher.PublishOnceAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/record/tile/0/000.p/1")).StatusCode);

        await AppendAsync(2);
        // Eight publishers at once, as several processes would be: the size is stored once, and none fails.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => publisher.PublishOnceAsync())));
        Assert.Equal([3L], results.Where(r => r is not null).Select(r => r!.Value));

        await using var db = app.CreateDbContext();
        Assert.Equal([1L, 3L], await db.Checkpoints.AsNoTracking().OrderBy(c => c.Size).Select(c => c.Size).ToListAsync());
        var key = app.Services.GetRequiredService<RecordSigningKey>();
        var checkpoint = CheckpointSigning.Verify(await client.GetStringAsync("/record/checkpoint"), key.Verifier);
        Assert.Equal(3, checkpoint.TreeSize);
        Assert.Equal((await db.RecordHeads.AsNoTracking().SingleAsync()).Root, checkpoint.RootHash.ToArray());
        // The partial tile of the older size is still served, as the prefix of the newer one, for a
        // verifier that read the older checkpoint; a width beyond the newest checkpoint is not.
        var newer = await client.GetByteArrayAsync("/record/tile/0/000.p/3");
        Assert.Equal(newer[..32], await client.GetByteArrayAsync("/record/tile/0/000.p/1"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/record/tile/0/000.p/4")).StatusCode);
        Assert.Equal(3, RecordServingTests.SplitBundle(await client.GetByteArrayAsync("/record/tile/entries/000.p/3")).Count);
    }

    private async Task AppendAsync(int count)
    {
        await using var db = app.CreateDbContext();
        await using var transaction = await db.BeginWriteTransactionAsync();
        await new RecordAppender(db, TimeProvider.System).AppendAsync(
            Enumerable.Range(0, count).Select(i => new RecordEvent($"test.append{i}", new JsonObject { ["role"] = "test" }, "test", new JsonObject())).ToList());
        await transaction.CommitAsync();
    }
}

public sealed class CheckpointPublisherTestsOnSqlite(EmptySqliteApp app) : CheckpointPublisherTests(app), IClassFixture<EmptySqliteApp>;

public sealed class CheckpointPublisherTestsOnPostgres(EmptyPostgresApp app) : CheckpointPublisherTests(app), IClassFixture<EmptyPostgresApp>;

/// <summary>The background service itself, as an operator runs it: the seeded head is signed without anyone asking.</summary>
public abstract class CheckpointBackgroundTests(PactaApp app)
{
    [Fact]
    public async Task RunningApp_SignsTheSeededHeadWithinSeconds()
    {
        using var client = app.CreateClient();
        var key = app.Services.GetRequiredService<RecordSigningKey>();
        // Generous: the service polls each second, but the suite runs many hosts at once.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage response;
        while ((response = await client.GetAsync("/record/checkpoint")).StatusCode == HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checkpoint = CheckpointSigning.Verify(await response.Content.ReadAsStringAsync(), key.Verifier);
        Assert.Equal(44, checkpoint.TreeSize);
    }
}

/// <summary>A seeded app with the background signer on (the test default turns it off).</summary>
public sealed class SigningSqliteApp() : PactaApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pacta:Record:PublishCheckpoints", "true");
    }
}

/// <inheritdoc cref="SigningSqliteApp"/>
public sealed class SigningPostgresApp() : PactaApp(DatabaseProvider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pacta:Record:PublishCheckpoints", "true");
    }
}

public sealed class CheckpointBackgroundTestsOnSqlite(SigningSqliteApp app) : CheckpointBackgroundTests(app), IClassFixture<SigningSqliteApp>;

public sealed class CheckpointBackgroundTestsOnPostgres(SigningPostgresApp app) : CheckpointBackgroundTests(app), IClassFixture<SigningPostgresApp>;
