using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core;
using Pacta.Core.Agreements;
using Pacta.Core.RecordStore;
using Pacta.Testing;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Agreements;

/// <summary>The vote operation's refusals, each with the message the command line and the API would show, and nothing stored.</summary>
public abstract class CastVoteTests(PactaApp app)
{
    private static readonly RelyingParty Localhost = new("localhost", ["http://localhost:5080"]);

    private async Task<(string Code, string Hash, Guid Executive)> DraftAsync(int versions = 1)
    {
        var executive = await app.RepresentativeAsync("SFP");
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<RecordWriter>();
        var table = await new OpenWorkingTable(writer, TimeProvider.System).ExecuteAsync(100, new LocalizedText("Mesa", null), executive.Member.Id);
        string? code = null;
        CommitmentText text = null!;
        for (var i = 1; i <= versions; i++)
        {
            text = new CommitmentText(new LocalizedText($"Compromiso, versión {i}", null), null, LocalizedText.Unknown, LocalizedText.Unknown,
                new LocalizedText("Objetivo", null), [], "SFP", [], null, null, []);
            var proposed = await new ProposeVersion(writer, TimeProvider.System).ExecuteAsync(new VersionProposal(code, code is null ? table.Value : null, text, LocalizedText.Unknown, LocalizedText.Unknown), executive.Member.Id);
            code = proposed.Value!.Code;
        }
        return (code!, text.Hash(), executive.Member.Id);
    }

    private async Task<OperationResult<VoteOutcome>> VoteAsync(Representative representative, string code, int version, string hash, string? party = null,
        string? organization = null, TestAuthenticator? key = null)
    {
        party ??= representative.Party;
        var statement = new VoteStatement(code, version, hash, party, organization, VoteDecision.Approval);
        var assertion = (key ?? representative.Key).Assert(statement.Challenge());
        await using var scope = app.Services.CreateAsyncScope();
        return await new CastVote(scope.ServiceProvider.GetRequiredService<RecordWriter>(), TimeProvider.System, Localhost)
            .ExecuteAsync(new VoteInput(code, version, party, VoteDecision.Approval, null, (key ?? representative.Key).CredentialId, assertion), representative.Member.Id);
    }

    [Fact]
    public async Task Vote_OnASupersededVersion_IsRefused()
    {
        var (code, _, _) = await DraftAsync(versions: 2);
        var guarantor = await app.RepresentativeAsync("INAI");
        string first;
        await using (var db = app.CreateDbContext()) first = await db.CommitmentVersions.Where(v => v.CommitmentCode == code && v.Number == 1).Select(v => v.Hash).SingleAsync();

        var result = await VoteAsync(guarantor, code, 1, first);

        Assert.Equal(new Refusal("version", "Superseded", $"version: version 1 of {code} was superseded by version 2; votes are on the newest text"), result.Error);
        await AssertNoVotesAsync(code);
    }

    [Fact]
    public async Task Vote_Twice_IsRefused()
    {
        var (code, hash, _) = await DraftAsync();
        var guarantor = await app.RepresentativeAsync("INAI");
        Assert.True((await VoteAsync(guarantor, code, 1, hash)).Succeeded);

        var again = await VoteAsync(guarantor, code, 1, hash);

        Assert.Equal("AlreadyVoted", again.Error?.Code);
        Assert.StartsWith($"version: guarantor already voted on version 1 of {code} (approve, ", again.Error!.Message, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Votes.CountAsync(v => v.CommitmentCode == code));
    }

    [Fact]
    public async Task Vote_ForAnotherParty_IsRefused()
    {
        var (code, hash, _) = await DraftAsync();
        var guarantor = await app.RepresentativeAsync("INAI");

        var result = await VoteAsync(guarantor, code, 1, hash, party: "executive");

        Assert.Equal(new Refusal("party", "NotYourParty", "party: you are not a representative of executive; a representative votes for their own party only"), result.Error);
        await AssertNoVotesAsync(code);
    }

    [Fact]
    public async Task Vote_ByAnOrganisationsRepresentativeOfASingleRepresentativeParty_IsRefused()
    {
        var (code, hash, _) = await DraftAsync();
        var organisation = await app.RepresentativeAsync("INAI", ofOrganization: true);

        var result = await VoteAsync(organisation, code, 1, hash);

        Assert.Equal("NotWholeParty", result.Error?.Code);
        await AssertNoVotesAsync(code);
    }

    [Fact]
    public async Task Vote_WithAPasskeyTheRecordDoesNotPublish_IsRefused()
    {
        var (code, hash, _) = await DraftAsync();
        var guarantor = await app.RepresentativeAsync("INAI");
        using var unpublished = new TestAuthenticator();
        await app.StorePasskeyAsync(guarantor.Member, unpublished.CredentialId, unpublished.PublicKey);

        var result = await VoteAsync(guarantor, code, 1, hash, key: unpublished);

        Assert.Equal(new Refusal("passkey", "NotPublished", "passkey: sign with the passkey published in the record for your appointment"), result.Error);
        await AssertNoVotesAsync(code);
    }

    [Fact]
    public async Task Vote_WithAnAssertionOlderThanTheLastUsed_IsRefusedAsACopiedAuthenticator()
    {
        var (first, firstHash, _) = await DraftAsync();
        var (second, secondHash, _) = await DraftAsync();
        var guarantor = await app.RepresentativeAsync("INAI");
        // Signed first (counter 1), used last: after the counter 2 assertion, it can only come from a copy of the key.
        var older = guarantor.Key.Assert(new VoteStatement(second, 1, secondHash, "guarantor", null, VoteDecision.Approval).Challenge());
        Assert.True((await VoteAsync(guarantor, first, 1, firstHash)).Succeeded);
        await using var scope = app.Services.CreateAsyncScope();

        var result = await new CastVote(scope.ServiceProvider.GetRequiredService<RecordWriter>(), TimeProvider.System, Localhost)
            .ExecuteAsync(new VoteInput(second, 1, "guarantor", VoteDecision.Approval, null, guarantor.Key.CredentialId, older), guarantor.Member.Id);

        Assert.Equal(new Refusal("passkey", "CounterBehind", "passkey: its signature counter went backwards; the authenticator may have been copied"), result.Error);
        await AssertNoVotesAsync(second);
    }

    private async Task AssertNoVotesAsync(string code)
    {
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Votes.CountAsync(v => v.CommitmentCode == code));
    }
}

public sealed class CastVoteTestsOnSqlite(SqliteApp app) : CastVoteTests(app), IClassFixture<SqliteApp>;

public sealed class CastVoteTestsOnPostgres(PostgresApp app) : CastVoteTests(app), IClassFixture<PostgresApp>;
