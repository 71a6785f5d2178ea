using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Agreements;
using Pacta.Core.RecordStore;
using Pacta.Testing;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Verify;

namespace Pacta.Web.Tests.Agreements;

/// <summary>
/// Approvals the operator makes without the representative: a vote row written straight into the database, and a vote
/// event appended to the record with a signature of a key the operator holds. pacta verify --url names each.
/// </summary>
public abstract class ForgedApprovalTests(PactaApp app) : IDisposable
{

    private readonly string directory = Directory.CreateTempSubdirectory("pacta-forged-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected async Task AnApprovalInsertedIntoTheDatabase_IsNamedByVerify()
    {
        var (representative, code, hash) = await DraftWithAVoterAsync();
        using var operatorKey = new TestAuthenticator();
        var assertion = operatorKey.Assert(new VoteStatement(code, 1, hash, "guarantor", null, VoteDecision.Approval).Challenge());
        await using (var db = app.CreateDbContext())
        {
            var vote = new Vote
            {
                CommitmentCode = code, VersionNumber = 1, PartyKey = "guarantor", Decision = VoteDecision.Approval,
                AppointmentId = Guid.CreateVersion7(), MemberId = representative.Member.Id, CredentialId = operatorKey.CredentialId, RelyingPartyId = "localhost",
                AuthenticatorData = assertion.AuthenticatorData, ClientDataJson = assertion.ClientDataJson, Signature = assertion.Signature, At = DateTimeOffset.UtcNow,
            };
            db.Votes.Add(vote).Property("UnitKey").CurrentValue = "";
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"portal: commitment/{code}/version/1/vote/guarantor is shown by the portal but no record entry created it", result.OutputLines());
    }

    protected async Task AnApprovalAppendedToTheRecordWithTheOperatorsKey_IsNamedByVerify()
    {
        var (representative, code, hash) = await DraftWithAVoterAsync();
        long index;
        using (var operatorKey = new TestAuthenticator())
        {
            // The operator can append anything, and can even name the real representative's appointment and credential;
            // what they cannot make is that passkey's signature.
            await using var db = app.CreateDbContext();
            var appointment = await db.Appointments.SingleAsync(a => a.MemberId == representative.Member.Id && a.EndedAt == null);
            var assertion = operatorKey.Assert(new VoteStatement(code, 1, hash, representative.Party, null, VoteDecision.Approval).Challenge());
            var vote = new Vote
            {
                CommitmentCode = code, VersionNumber = 1, PartyKey = representative.Party, Decision = VoteDecision.Approval,
                AppointmentId = appointment.Id, MemberId = representative.Member.Id, CredentialId = representative.Key.CredentialId, RelyingPartyId = "localhost",
                AuthenticatorData = assertion.AuthenticatorData, ClientDataJson = assertion.ClientDataJson, Signature = assertion.Signature, At = DateTimeOffset.UtcNow,
            };
            db.Votes.Add(vote).Property("UnitKey").CurrentValue = "";
            await db.SaveChangesAsync();
            await using var transaction = await db.BeginWriteTransactionAsync();
            index = await new RecordAppender(db, TimeProvider.System).AppendAsync(
                [AgreementEvents.VoteEvent(Pacta.Core.People.RepresentativeEvents.Actor(representative.Party, null), vote, hash)], CancellationToken.None);
            await transaction.CommitAsync();
        }

        var result = await VerifyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"entry {index}: commitment.approved of {code} version 1 for {representative.Party}: the signature does not hold: "
            + "the signature does not verify with the credential's public key", result.OutputLines());
    }

    private protected async Task<(Representative Representative, string Code, string Hash)> DraftWithAVoterAsync()
    {
        var executive = await app.RepresentativeAsync("SFP");
        var guarantor = await app.RepresentativeAsync("INAI");
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<RecordWriter>();
        var table = await new OpenWorkingTable(writer, TimeProvider.System).ExecuteAsync(100, new Pacta.Core.LocalizedText("Mesa", null), executive.Member.Id);
        var text = new CommitmentText(new Pacta.Core.LocalizedText("Compromiso", null), null, Pacta.Core.LocalizedText.Unknown, Pacta.Core.LocalizedText.Unknown,
            new Pacta.Core.LocalizedText("Objetivo", null), [], "SFP", [], null, null, []);
        var draft = await new ProposeVersion(writer, TimeProvider.System).ExecuteAsync(
            new VersionProposal(null, table.Value, text, Pacta.Core.LocalizedText.Unknown, Pacta.Core.LocalizedText.Unknown), executive.Member.Id);
        return (guarantor, draft.Value!.Code, text.Hash());
    }

    private async Task<Pacta.Web.Tests.Cli.CliResult> VerifyAsync()
    {
        await app.PublishAsync();
        return await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, $"{Guid.NewGuid():N}.json"));
    }
}

// Each test breaks its database for verify: a class, and so an app, each.
public abstract class InsertedApprovalTests(PactaApp app) : ForgedApprovalTests(app)
{
    [Fact]
    public Task InsertedIntoTheDatabase_IsNamedByVerify() => AnApprovalInsertedIntoTheDatabase_IsNamedByVerify();
}

public abstract class AppendedForgedApprovalTests(PactaApp app) : ForgedApprovalTests(app)
{
    [Fact]
    public Task AppendedWithTheOperatorsKey_IsNamedByVerify() => AnApprovalAppendedToTheRecordWithTheOperatorsKey_IsNamedByVerify();
}

public sealed class InsertedApprovalTestsOnSqlite(SqliteApp app) : InsertedApprovalTests(app), IClassFixture<SqliteApp>;

public sealed class InsertedApprovalTestsOnPostgres(PostgresApp app) : InsertedApprovalTests(app), IClassFixture<PostgresApp>;

public sealed class AppendedForgedApprovalTestsOnSqlite(SqliteApp app) : AppendedForgedApprovalTests(app), IClassFixture<SqliteApp>;

public sealed class AppendedForgedApprovalTestsOnPostgres(PostgresApp app) : AppendedForgedApprovalTests(app), IClassFixture<PostgresApp>;
