using System.Text;
using Pacta.Core.Agreements;
using Pacta.Core.Commitments;
using Pacta.Core.People;
using Pacta.Core.RecordStore;
using Pacta.Core.Tests.Agreements;
using Pacta.Core.Verification.Replay;
using Pacta.Testing;
using static Pacta.Core.Tests.Verification.Replay.ReplayEvents;

namespace Pacta.Core.Tests.Verification.Replay;

/// <summary>
/// The replay's checks of co-creation and agreement: signed votes by published credentials, agreement by every
/// party under its rule, the agreed text being the approved version's, and no import over an agreed commitment.
/// </summary>
public sealed class AgreementReplayTests : IDisposable
{
    // The executive decides by a single representative; civil society by unanimity of its two organisations.
    private readonly TestAuthenticator _executive = new();
    private readonly TestAuthenticator _fundar = new();
    private readonly TestAuthenticator _article19 = new(CosePublicKey.EdDsa);
    private readonly Guid _executiveAppointment = Guid.CreateVersion7();
    private readonly Guid _fundarAppointment = Guid.CreateVersion7();
    private readonly Guid _article19Appointment = Guid.CreateVersion7();
    private readonly WorkingTable _table = new() { PlanNumber = 99, Theme = new LocalizedText("Espacio cívico", null), OpenedAt = Time, OpenedBy = Guid.Empty };
    private readonly CommitmentText _text = CommitmentTextTests.Sample() with { LeadInstitution = "SFP", SupportingInstitutions = ["Fundar"] };
    private readonly List<byte[]> _entries = [];

    public AgreementReplayTests()
    {
        _entries.AddRange([
            Encode(ForumEvent()),
            Encode(Party("executive", decisionRule: "single-representative")),
            Encode(Party("civil-society")),
            Encode(Organization("SFP", "executive")),
            Encode(Organization("Fundar", "civil-society")),
            Encode(Organization("Article 19", "civil-society")),
            Encode(Plan(99)),
            Encode(Appointed(_executiveAppointment, "executive", null, _executive)),
            Encode(Appointed(_fundarAppointment, "civil-society", "Fundar", _fundar)),
            Encode(Appointed(_article19Appointment, "civil-society", "Article 19", _article19)),
            Encode(AgreementEvents.TableOpenedEvent(AgreementEvents.MemberActor("executive", "SFP"), _table)),
            Encode(Version(1, _text)),
        ]);
    }

    public void Dispose()
    {
        _executive.Dispose();
        _fundar.Dispose();
        _article19.Dispose();
    }

    private static RecordEvent Appointed(Guid appointment, string party, string? organization, TestAuthenticator key) =>
        RepresentativeEvents.AppointedEvent(RepresentativeEvents.Actor(party, organization),
            new PublicRepresentative(appointment, party, organization, Time, [PublicCredential.From(key.CredentialId, key.PublicKey)]));

    private Commitment Commitment() => new()
    {
        Code = "P99-01",
        PlanNumber = 99,
        Provenance = CommitmentProvenance.CoCreatedInPacta,
        State = CommitmentState.Draft,
        WorkingTableId = _table.Id,
    };

    private static CommitmentVersion VersionOf(int number, CommitmentText text, VersionKind kind = VersionKind.Draft) => new()
    {
        CommitmentCode = "P99-01",
        Number = number,
        Kind = kind,
        Text = Encoding.UTF8.GetString(text.Canonical()),
        Hash = text.Hash(),
        ProposedAt = Time,
        ProposedBy = Guid.Empty,
        ProposedByOrganization = "Fundar",
        Reason = kind == VersionKind.Amendment ? new LocalizedText("Motivo", null) : LocalizedText.Unknown,
        Effect = kind == VersionKind.Amendment ? new LocalizedText("Efecto", null) : LocalizedText.Unknown,
    };

    private RecordEvent Version(int number, CommitmentText text, VersionKind kind = VersionKind.Draft) =>
        AgreementEvents.VersionEvent(AgreementEvents.MemberActor("civil-society", "Fundar"), Commitment(), VersionOf(number, text, kind));

    private RecordEvent Vote(TestAuthenticator key, Guid appointment, string party, string? organization, int version = 1, VoteDecision decision = VoteDecision.Approval,
        string? hash = null, TestAuthenticator? signer = null)
    {
        hash ??= _text.Hash();
        var statement = new VoteStatement("P99-01", version, hash, party, organization, decision);
        var assertion = (signer ?? key).Assert(statement.Challenge());
        var vote = new Vote
        {
            CommitmentCode = "P99-01",
            VersionNumber = version,
            PartyKey = party,
            Organization = organization,
            Decision = decision,
            Reason = decision == VoteDecision.Objection ? "Falta presupuesto" : null,
            AppointmentId = appointment,
            MemberId = Guid.Empty,
            CredentialId = key.CredentialId,
            RelyingPartyId = "localhost",
            AuthenticatorData = assertion.AuthenticatorData,
            ClientDataJson = assertion.ClientDataJson,
            Signature = assertion.Signature,
            At = Time,
        };
        return AgreementEvents.VoteEvent(RepresentativeEvents.Actor(party, organization), vote, hash);
    }

    private RecordEvent Agreed(CommitmentText text, int version = 1, CommitmentText? held = null)
    {
        var commitment = Commitment();
        var ids = new Dictionary<string, Guid> { ["SFP"] = Guid.NewGuid(), ["Fundar"] = Guid.NewGuid(), ["Article 19"] = Guid.NewGuid() };
        commitment.Hold(held ?? text, ids);
        return AgreementEvents.AgreedEvent(AgreementEvents.ForumActor(), commitment, VersionOf(version, text), ids.ToDictionary(p => p.Value, p => p.Key));
    }

    private RecordEvent[] EveryApproval() =>
    [
        Vote(_executive, _executiveAppointment, "executive", null),
        Vote(_fundar, _fundarAppointment, "civil-society", "Fundar"),
        Vote(_article19, _article19Appointment, "civil-society", "Article 19"),
    ];

    private PublicStateReplay Replay(params RecordEvent[] more)
    {
        var replay = new PublicStateReplay();
        foreach (var entry in _entries.Concat(more.Select(Encode))) replay.Apply(replay.Count, entry);
        return replay;
    }

    [Fact]
    public void Replay_ApprovedByEveryPartyWithValidSignatures_HasNoProblem()
    {
        var replay = Replay([.. EveryApproval(), Agreed(_text)]);

        Assert.Empty(replay.Problems);
        Assert.Equal(EntityKind.Commitment, replay.State.Entities["commitment/P99-01"].Kind);
        Assert.Equal(EntityKind.Version, replay.State.Entities["commitment/P99-01/version/1"].Kind);
        Assert.Equal(EntityKind.Vote, replay.State.Entities["commitment/P99-01/version/1/vote/civil-society/Fundar"].Kind);
        Assert.Equal(EntityKind.Vote, replay.State.Entities["commitment/P99-01/version/1/vote/executive"].Kind);
    }

    [Fact]
    public void Replay_AVoteSignedWithAnotherKey_IsNamed()
    {
        using var operatorKey = new TestAuthenticator();
        var replay = Replay(Vote(_fundar, _fundarAppointment, "civil-society", "Fundar", signer: operatorKey));

        var problem = Assert.Single(replay.Problems);
        Assert.Equal(12, problem.Index);
        Assert.Equal("commitment.approved of P99-01 version 1 for civil-society/Fundar: the signature does not hold: the signature does not verify with the credential's public key",
            problem.Message);
    }

    [Fact]
    public void Replay_AnAgreementWithoutEveryParty_IsNamed()
    {
        var replay = Replay(Vote(_executive, _executiveAppointment, "executive", null), Vote(_fundar, _fundarAppointment, "civil-society", "Fundar"), Agreed(_text));

        var problem = Assert.Single(replay.Problems);
        Assert.Equal(14, problem.Index);
        Assert.Equal("commitment.agreed of P99-01 version 1: not every party approved it with a valid signed vote: civil-society (pending)", problem.Message);
    }

    [Fact]
    public void Replay_AnObjection_BlocksAgreementUnderUnanimity()
    {
        var replay = Replay(Vote(_executive, _executiveAppointment, "executive", null), Vote(_fundar, _fundarAppointment, "civil-society", "Fundar"),
            Vote(_article19, _article19Appointment, "civil-society", "Article 19", decision: VoteDecision.Objection), Agreed(_text));

        Assert.Equal("commitment.agreed of P99-01 version 1: not every party approved it with a valid signed vote: civil-society (objected)",
            Assert.Single(replay.Problems).Message);
    }

    [Fact]
    public void Replay_AnAgreedTextThatIsNotTheApprovedVersion_IsNamed()
    {
        var replay = Replay([.. EveryApproval(), Agreed(_text, held: _text with { Title = new LocalizedText("Otro alcance, más corto", null) })]);

        Assert.Equal("commitment.agreed of P99-01 version 1: its title is not the text of version 1 (entry 11)", Assert.Single(replay.Problems).Message);
    }

    [Fact]
    public void Replay_AVoteForAnotherOrganisationThanTheAppointment_IsNamed()
    {
        var replay = Replay(Vote(_fundar, _fundarAppointment, "civil-society", "Article 19"));

        Assert.Contains($"appointment {_fundarAppointment:D} represents Fundar, not Article 19", Assert.Single(replay.Problems).Message);
    }

    [Fact]
    public void Replay_AVoteOnAnotherHash_IsNamed()
    {
        var replay = Replay(Vote(_fundar, _fundarAppointment, "civil-society", "Fundar", hash: new string('0', 64)));

        Assert.Contains(replay.Problems, p => p.Message.EndsWith("its versionHash is not the hash of that version (entry 11)", StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_AVoteAfterTheAppointmentEnded_IsNamed()
    {
        var removed = RepresentativeEvents.RemovedEvent(RepresentativeEvents.Actor("civil-society", null), _fundarAppointment, "civil-society", "Fundar", Time, Time);
        var replay = Replay(removed, Vote(_fundar, _fundarAppointment, "civil-society", "Fundar"));

        Assert.Contains(replay.Problems, p => p.Index == 13 && p.Message.Contains($"names representative/{_fundarAppointment:D}, which no earlier entry created", StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_AnImportOverAnAgreedCommitment_IsNamed()
    {
        var import = Event("commitment.imported", "commitment/P99-01",
            (System.Text.Json.Nodes.JsonObject)ReplayEvents.Commitment("P99-01", 99, "SFP", [], []).Data.DeepClone());
        var replay = Replay([.. EveryApproval(), Agreed(_text), import]);

        Assert.Equal("commitment.imported of commitment/P99-01 rewrites a commitment co-created in Pacta; its text changes only by an amendment every party approves",
            Assert.Single(replay.Problems).Message);
    }

    [Fact]
    public void Replay_AnAmendmentAgreedByEveryParty_HasNoProblem()
    {
        var amended = _text with { EndDate = new DateOnly(2027, 12, 31) };
        var hash = amended.Hash();
        var replay = Replay([.. EveryApproval(), Agreed(_text), Version(2, amended, VersionKind.Amendment),
            Vote(_executive, _executiveAppointment, "executive", null, version: 2, hash: hash),
            Vote(_fundar, _fundarAppointment, "civil-society", "Fundar", version: 2, hash: hash),
            Vote(_article19, _article19Appointment, "civil-society", "Article 19", version: 2, hash: hash)]);
        var commitment = Commitment();
        var ids = new Dictionary<string, Guid> { ["SFP"] = Guid.NewGuid(), ["Fundar"] = Guid.NewGuid(), ["Article 19"] = Guid.NewGuid() };
        commitment.Hold(amended, ids);
        replay.Apply(replay.Count, Encode(AgreementEvents.AgreedEvent(AgreementEvents.ForumActor(), commitment, VersionOf(2, amended, VersionKind.Amendment),
            ids.ToDictionary(p => p.Value, p => p.Key))));

        Assert.Empty(replay.Problems);
    }
}
